package dev.singletable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SingletableApplication {

    public static void main(String[] args) {
        SpringApplication.run(SingletableApplication.class, args);
    }
}
