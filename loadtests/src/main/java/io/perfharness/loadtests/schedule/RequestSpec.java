package io.perfharness.loadtests.schedule;

/**
 * One concrete HTTP request of the schedule.
 *
 * @param name the request name latency is recorded under (method and route template)
 * @param method GET or POST
 * @param path path and query, already filled in
 * @param body JSON body for POST, empty for GET
 */
public record RequestSpec(String name, String method, String path, String body) {}
