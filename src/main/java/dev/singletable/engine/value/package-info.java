/**
 * DynamoDB's value model on top of the SDK's {@code AttributeValue}: validation with DynamoDB's messages, canonical
 * numbers, equality, key ordering and item sizes.
 *
 * <p>Where DynamoDB Local 2.6.1 (the test oracle) words things differently from AWS, AWS's wording is used:
 * <ul>
 *   <li>a number that cannot be parsed: AWS "The parameter cannot be converted to a numeric value: X" (Local: "A value
 *       provided cannot be converted into a number");</li>
 *   <li>more than 38 digits: AWS "Attempting to store more than 38 significant digits in a Number" (Local: "DynamoDB
 *       only supports precision up to 38 digits");</li>
 *   <li>a string set with duplicates: AWS ends the message with a period, and a binary set lists its members.</li>
 * </ul>
 * Numbers accept only ASCII digits (Local, being plain BigDecimal, also takes other Unicode digits).
 */
@NullMarked
package dev.singletable.engine.value;

import org.jspecify.annotations.NullMarked;
