package dev.waotp.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Where one benchmark thread is in {@link Inputs}: each thread walks the inputs on its own. */
@State(Scope.Thread)
public class Cursor {
    int next;
}
