/**
 * DynamoDB Streams on the engine's tables (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html):
 * the {@link dev.singletable.engine.streams.StreamRecorder} turns committed changes into records in commit order, the
 * {@link dev.singletable.engine.streams.StreamStore} keeps each stream's shards and 24 hours of records, and the
 * {@link dev.singletable.engine.streams.StreamsService} answers ListStreams, DescribeStream, GetShardIterator and
 * GetRecords with DynamoDB's limits and errors.
 */
@NullMarked
package dev.singletable.engine.streams;

import org.jspecify.annotations.NullMarked;
