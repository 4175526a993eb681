package dev.singletable.streams;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * On beans that exist only while the stream listener runs (projectors, and what reads their results):
 * {@code singletable.streams.enabled=false} turns the listener and all of them off.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "singletable.streams.enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnStreams {}
