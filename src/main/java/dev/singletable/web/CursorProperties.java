package dev.singletable.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How paging cursors are signed.
 *
 * @param secret the HMAC key; when blank a random one is drawn at start, so cursors die with the process and are not
 *               shared between instances. Set it (32+ random characters) when several instances serve the API.
 * @param ttl    how long a cursor stays usable
 */
@ConfigurationProperties("singletable.cursor")
record CursorProperties(String secret, @DefaultValue("24h") Duration ttl) {}
