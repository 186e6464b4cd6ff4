package io.perfharness.loadtests.launch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Refuses to aim load at anything but this machine unless the user explicitly allowed it. */
public final class LoopbackGuard {
  private LoopbackGuard() {}

  /** @throws IllegalArgumentException naming the host, what it resolved to, and the allow flag */
  public static void check(URI baseUrl, boolean allowRemote) {
    if (allowRemote) {
      return;
    }
    String host = baseUrl.getHost();
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("`perf.target` host '" + host + "' does not resolve");
    }
    for (InetAddress address : addresses) {
      if (!address.isLoopbackAddress()) {
        throw new IllegalArgumentException("`perf.target` host '" + host + "' resolves to "
            + address.getHostAddress() + ", which is not a loopback address; load goes only to this"
            + " machine unless you pass -Dperf.allowRemote=true (or --allow-remote)");
      }
    }
  }
}
