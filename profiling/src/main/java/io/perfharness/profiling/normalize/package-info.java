/** Frame-name normalization, so that profiles of different JVM runs can be compared. */
package io.perfharness.profiling.normalize;
