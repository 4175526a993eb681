/**
 * DynamoDB's expression language (condition, filter, update, projection and key condition expressions) and the
 * legacy parameters, parsed and checked once into executable forms.
 *
 * <p>Error messages, and which error wins when an expression has several, were measured against DynamoDB Local
 * 2.6.1 (which shares AWS's expression grammar and validator) in {@code ExpressionDifferentialTest} and
 * {@code LegacyDifferentialTest}. Where Local is known to differ from AWS, AWS's behaviour is implemented:
 * <ul>
 *   <li>ReturnValues UPDATED_OLD/UPDATED_NEW project only the updated nested paths (Local returns whole top-level
 *       attributes); see {@link dev.singletable.engine.expr.UpdateExpr#projectUpdated};</li>
 *   <li>"Query condition missed key schema element: &lt;name&gt;" names the key attribute (Local omits it);</li>
 *   <li>an update result beyond 38 digits ("1E50 + 1") is reported as a number overflow, as AWS does (Local:
 *       "DynamoDB only supports precision up to 38 digits");</li>
 *   <li>a repeated AttributesToGet name is "Duplicate value in attribute name: a" (Local: "Cannot have two
 *       attributes with the same name").</li>
 * </ul>
 * Not decidable from public material, Local's behaviour is followed: size() of a string counts UTF-16 code units;
 * BETWEEN bound messages render binaries as Local does; the type set printed when attribute_type()'s second
 * operand is a path (its order varies from run to run in Local too).
 */
@NullMarked
package dev.singletable.engine.expr;

import org.jspecify.annotations.NullMarked;
