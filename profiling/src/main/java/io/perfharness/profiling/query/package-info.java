/**
 * Queries over a collapsed profile: per-frame self and inclusive cost, top lists, stacks through
 * matching frames, cost per request; and their compact text rendering.
 */
package io.perfharness.profiling.query;
