/** The profiling events and the units of their collapsed counts. */
package io.perfharness.profiling.event;
