/**
 * DynamoDB's PartiQL: a lexer and parser for its statements, and planners that translate each SELECT, INSERT, UPDATE
 * and DELETE onto the ordinary item operations of a target client, so that a statement meets every rule those
 * operations enforce [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for DynamoDB</a>
 */
@NullMarked
package dev.singletable.engine.partiql;

import org.jspecify.annotations.NullMarked;
