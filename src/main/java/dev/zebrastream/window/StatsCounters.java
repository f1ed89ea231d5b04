package dev.zebrastream.window;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The mutable counters behind {@link AssemblerStats}; part of the assembler's stored state. */
final class StatsCounters {

    long framesAccepted;
    long duplicatesDropped;
    long reordered;
    long gapsFilled;
    long segmentsStarted;
    long windowsEmitted;

    AssemblerStats snapshot() {
        return new AssemblerStats(framesAccepted, duplicatesDropped, reordered, gapsFilled, segmentsStarted,
                windowsEmitted);
    }

    void writeTo(DataOutput out) throws IOException {
        for (long value : new long[] {framesAccepted, duplicatesDropped, reordered, gapsFilled, segmentsStarted,
                windowsEmitted}) {
            out.writeLong(value);
        }
    }

    static StatsCounters readFrom(DataInput in) throws IOException {
        StatsCounters counters = new StatsCounters();
        counters.framesAccepted = in.readLong();
        counters.duplicatesDropped = in.readLong();
        counters.reordered = in.readLong();
        counters.gapsFilled = in.readLong();
        counters.segmentsStarted = in.readLong();
        counters.windowsEmitted = in.readLong();
        return counters;
    }
}
