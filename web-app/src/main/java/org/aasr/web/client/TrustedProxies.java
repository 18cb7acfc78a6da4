package org.aasr.web.client;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose word the site takes about a request's client and scheme ({@code
 * AASR_TRUSTED_PROXIES}): addresses and CIDR ranges, IPv4 and IPv6, separated by commas or spaces,
 * e.g. {@code 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8}.
 *
 * <p>Only literal addresses are read: a host name is refused rather than looked up, so that neither
 * start-up nor a request ever waits on DNS, and a name that later points elsewhere cannot widen the
 * trust. An IPv4 address written as IPv6 ({@code ::ffff:10.0.0.1}) is the same address.
 *
 * <pre>{@code
 * TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, ::1");
 * proxies.contains("10.1.2.3"); // true
 * }</pre>
 */
public final class TrustedProxies {

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  /** Nobody: the headers are ignored from every peer. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * Reads a setting's value.
   *
   * @throws IllegalArgumentException naming the first entry that is not an address or range
   */
  public static TrustedProxies parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    List<Range> ranges = new ArrayList<>();
    for (String entry : setting.trim().split("[,\\s]+")) {
      ranges.add(
          Range.parse(entry)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "AASR_TRUSTED_PROXIES: \""
                              + entry
                              + "\" is not an IP address or CIDR range such as 10.0.0.0/8")));
    }
    return new TrustedProxies(ranges);
  }

  /** Whether no proxy is trusted. */
  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether an address (a literal, as a request or a header gives it) is a trusted proxy's. */
  public boolean contains(String address) {
    Optional<byte[]> bytes = literal(address);
    return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
  }

  /**
   * The bytes of a literal IP address (4 for IPv4, IPv4-mapped IPv6 included, 16 for IPv6), or
   * empty for anything else, host names included. Square brackets and an IPv6 zone are allowed.
   */
  static Optional<byte[]> literal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    if (IPV4.matcher(s).matches()) {
      return bytesOf(s);
    }
    if (s.indexOf(':') >= 0 && IPV6_CHARS.matcher(s).matches()) {
      return bytesOf(s); // a literal with ':' is parsed, never looked up
    }
    return Optional.empty();
  }

  private static Optional<byte[]> bytesOf(String literal) {
    try {
      return Optional.of(InetAddress.getByName(literal).getAddress());
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return ranges.toString();
  }

  /** One address or CIDR range. */
  private record Range(byte[] network, int prefix, String text) {

    static Optional<Range> parse(String entry) {
      int slash = entry.indexOf('/');
      Optional<byte[]> address = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (address.isEmpty()) {
        return Optional.empty();
      }
      int bits = address.get().length * 8;
      int prefix = bits;
      if (slash >= 0) {
        String length = entry.substring(slash + 1);
        if (!length.matches("\\d{1,3}")) {
          return Optional.empty();
        }
        prefix = Integer.parseInt(length);
        // An IPv4 range written in IPv6 form (::ffff:10.0.0.0/104) counts from the IPv4 bits.
        if (address.get().length == 4 && entry.indexOf(':') >= 0) {
          prefix -= 96;
        }
        if (prefix < 0 || prefix > bits) {
          return Optional.empty();
        }
      }
      return Optional.of(new Range(address.get(), prefix, entry.toLowerCase(Locale.ROOT)));
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int bits = network.length * 8;
      BigInteger mask =
          prefix == 0
              ? BigInteger.ZERO
              : BigInteger.ONE
                  .shiftLeft(bits)
                  .subtract(BigInteger.ONE)
                  .shiftRight(bits - prefix)
                  .shiftLeft(bits - prefix);
      return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
