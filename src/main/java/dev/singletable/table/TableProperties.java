package dev.singletable.table;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The table the service uses; the layout itself lives in {@code table/singletable-table.json}.
 *
 * @param name the table's name (its history table is {@code <name>-history})
 */
@ConfigurationProperties("singletable.table")
public record TableProperties(@DefaultValue("singletable") String name) {}
