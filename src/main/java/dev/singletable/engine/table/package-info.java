/**
 * DynamoDB's control plane: a table's validated, immutable definition ({@link
 * dev.singletable.engine.table.TableDefinition}), the rules that turn CreateTable, UpdateTable, UpdateTimeToLive and
 * the tagging calls into new definitions or into AWS's ValidationException wordings ({@link
 * dev.singletable.engine.table.TableRequests}), and the TableDescription DescribeTable and its kin return ({@link
 * dev.singletable.engine.table.TableDescriber}).
 */
@NullMarked
package dev.singletable.engine.table;

import org.jspecify.annotations.NullMarked;
