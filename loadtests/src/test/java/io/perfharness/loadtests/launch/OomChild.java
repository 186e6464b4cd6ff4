package io.perfharness.loadtests.launch;

import java.util.ArrayList;
import java.util.List;

/** A child JVM that allocates until it runs out of memory (start it with a small -Xmx). */
public final class OomChild {
  private OomChild() {}

  public static void main(String[] args) {
    System.out.println("allocating");
    List<long[]> kept = new ArrayList<>();
    while (true) {
      kept.add(new long[16 * 1024]);
    }
  }
}
