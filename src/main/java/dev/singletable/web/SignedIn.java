package dev.singletable.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents that an operation needs a session: {@code Authorization: Bearer <token>} ({@link ApiDocs#BEARER}),
 * declared once instead of as {@code security = ...} in every such {@code @Operation}. A composed annotation, which
 * springdoc reads like the {@code @SecurityRequirement} it carries (it finds security requirements with Spring's
 * merged-annotation search, as it finds {@link OkWithETag}'s response). It documents; SecurityConfiguration enforces.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SecurityRequirement(name = ApiDocs.BEARER)
public @interface SignedIn {}
