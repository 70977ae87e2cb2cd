/**
 * JMH benchmarks of the vision library. Build and run with {@code ./sightline bench [JMH options]}, for example
 * {@code ./sightline bench IndexSearch} or {@code ./sightline bench -lp} to list parameters. Iteration counts are
 * small on purpose, so the whole suite finishes in minutes on a 2-core server; pass {@code -wi}, {@code -i},
 * {@code -f} for tighter figures.
 */
package sightline.bench;
