/**
 * Request-shape validation done before an operation touches a table: every member constraint of DynamoDB's API model
 * (lengths, ranges, patterns, enums, required members) checked in one walk and reported as AWS reports it, "N
 * validation errors detected: Value '...' at '...' failed to satisfy constraint: ..." (see {@link
 * dev.singletable.engine.validation.RequestShapes}).
 */
@NullMarked
package dev.singletable.engine.validation;

import org.jspecify.annotations.NullMarked;
