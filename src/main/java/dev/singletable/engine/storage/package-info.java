/**
 * How a table holds its items in memory: primary and index keys as ordered values
 * ({@link dev.singletable.engine.storage.KeyValue}), immutable stored items with their sizes, and the table's and
 * its indexes' concurrent sorted maps ({@link dev.singletable.engine.storage.TableData}), changed only through the
 * engine's single commit path so that readers need no lock.
 */
@NullMarked
package dev.singletable.engine.storage;

import org.jspecify.annotations.NullMarked;
