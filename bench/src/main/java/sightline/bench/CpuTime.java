package sightline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time of the calling thread, next to JMH's wall time. On a shared 2-core server wall time also counts the
 * time the thread waited for a core; CPU time does not (cache and memory-bandwidth contention still show in it).
 * JMH prints the two counters per iteration; CPU milliseconds per call is {@code cpuMillis / calls}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public long calls;
  public double cpuMillis;
  private long started;

  @Setup(Level.Iteration)
  public void reset() {
    calls = 0;
    cpuMillis = 0;
  }

  void start() {
    started = THREADS.getCurrentThreadCpuTime();
  }

  void stop() {
    cpuMillis += (THREADS.getCurrentThreadCpuTime() - started) / 1e6;
    calls++;
  }
}
