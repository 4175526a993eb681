package dev.singletable.web;

import org.jspecify.annotations.Nullable;

/** One invalid input of a request: the field (or query parameter) and what is wrong with it. */
record FieldProblem(@Nullable String field, @Nullable String message) {}
