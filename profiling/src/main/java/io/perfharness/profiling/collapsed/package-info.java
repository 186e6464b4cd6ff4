/**
 * The collapsed-stack (folded) model: {@link io.perfharness.profiling.collapsed.CollapsedStack},
 * the immutable {@link io.perfharness.profiling.collapsed.CollapsedProfile}, readers for the
 * plain folded format and the jfr-parser variant, and a deterministic writer.
 */
package io.perfharness.profiling.collapsed;
