/**
 * Capacity units, throttling and the capacity figures monitoring reads
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/provisioned-capacity-mode.html).
 */
@NullMarked
package dev.singletable.engine.capacity;

import org.jspecify.annotations.NullMarked;
