/**
 * The engine's core: the catalog of tables and its single commit path ({@link dev.singletable.engine.core.Engine}),
 * the seams the rest of the engine plugs into ({@link dev.singletable.engine.core.Journal} for durability,
 * {@link dev.singletable.engine.core.CommitListener} for streams and replication), the options an engine is built
 * with, and the naming rules for tables and their ARNs.
 */
@NullMarked
package dev.singletable.engine.core;

import org.jspecify.annotations.NullMarked;
