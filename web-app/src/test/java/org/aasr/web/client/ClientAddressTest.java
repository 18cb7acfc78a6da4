package org.aasr.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aasr.web.client.ClientAddress.Resolved;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, fd00::/8");

  private static Resolved viaForwardedFor(String peer, String... xff) {
    return ClientAddress.resolve(peer, false, List.of(), List.of(xff), List.of(), PROXIES);
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItsHeadersSay() {
    Resolved r =
        ClientAddress.resolve(
            "203.0.113.7",
            false,
            List.of("for=198.51.100.1;proto=https"),
            List.of("198.51.100.1"),
            List.of("https"),
            PROXIES);
    assertEquals(new Resolved("203.0.113.7", false), r);
  }

  @Test
  void withoutTrustedProxiesTheHeadersAreIgnored() {
    Resolved r =
        ClientAddress.resolve(
            "10.0.0.1",
            false,
            List.of(),
            List.of("198.51.100.1"),
            List.of("https"),
            TrustedProxies.NONE);
    assertEquals(new Resolved("10.0.0.1", false), r);
  }

  @Test
  void aTrustedProxyReportsTheClient() {
    assertEquals("198.51.100.1", viaForwardedFor("10.0.0.1", "198.51.100.1").address());
  }

  @Test
  void theRightmostUntrustedHopIsTheClientSoAForgedLeftPartIsIgnored() {
    // The attacker wrote "1.2.3.4" themselves; the proxy appended the address it saw.
    assertEquals("198.51.100.1", viaForwardedFor("10.0.0.1", "1.2.3.4, 198.51.100.1").address());
    assertEquals(
        "198.51.100.1",
        viaForwardedFor("10.0.0.1", "1.2.3.4", "198.51.100.1, 10.0.0.2").address(),
        "several lines and a chain of trusted proxies");
  }

  @Test
  void aChainOfOnlyTrustedProxiesEndsAtTheFirst() {
    assertEquals("10.0.0.3", viaForwardedFor("10.0.0.1", "10.0.0.3, 10.0.0.2").address());
  }

  @Test
  void aHopThatIsNoAddressStopsAtTheProxyThatReportedIt() {
    assertEquals(
        "10.0.0.2", viaForwardedFor("10.0.0.1", "198.51.100.1, unknown, 10.0.0.2").address());
    assertEquals("10.0.0.1", viaForwardedFor("10.0.0.1", "").address());
    assertEquals("10.0.0.1", viaForwardedFor("10.0.0.1").address());
  }

  @Test
  void portsBracketsAndSpellingsAreRead() {
    assertEquals("198.51.100.1", viaForwardedFor("10.0.0.1", "198.51.100.1:4711").address());
    assertEquals(
        "2001:db8:0:0:0:0:0:7", viaForwardedFor("10.0.0.1", "[2001:DB8::7]:4711").address());
    assertEquals("2001:db8:0:0:0:0:0:7", viaForwardedFor("fd00::1", "2001:db8::7").address());
  }

  @Test
  void theForwardedHeaderIsPreferredAndItsProtoTaken() {
    Resolved r =
        ClientAddress.resolve(
            "10.0.0.1",
            false,
            List.of("for=1.2.3.4;proto=http, for=\"[2001:db8::7]:80\";proto=https;by=10.0.0.1"),
            List.of("5.6.7.8"),
            List.of(),
            PROXIES);
    assertEquals(new Resolved("2001:db8:0:0:0:0:0:7", true), r);
  }

  @Test
  void theSchemeIsTheTrustedProxysWord() {
    Resolved https =
        ClientAddress.resolve(
            "10.0.0.1", false, List.of(), List.of("198.51.100.1"), List.of("https"), PROXIES);
    assertTrue(https.https());
    Resolved http =
        ClientAddress.resolve(
            "10.0.0.1", true, List.of(), List.of("198.51.100.1"), List.of("http"), PROXIES);
    assertFalse(http.https(), "the proxy was reached over plain HTTP");
    Resolved unsaid =
        ClientAddress.resolve("10.0.0.1", true, List.of(), List.of(), List.of(), PROXIES);
    assertTrue(unsaid.https(), "no word from the proxy: the connection's own scheme");
  }

  /** A request's headers: a forged Forwarded and X-Forwarded-Proto beside the proxy's own line. */
  private static List<String> headers(String name) {
    return switch (name) {
      case "Forwarded" -> List.of("for=203.0.113.66;proto=https");
      case "X-Forwarded-For" -> List.of("198.51.100.1");
      case "X-Forwarded-Proto" -> List.of("http");
      default -> List.of();
    };
  }

  @Test
  void byDefaultOnlyXForwardedForIsBelievedSoAForgedForwardedHeaderIsIgnored() {
    Resolved r =
        ClientAddress.believing(null, "10.0.0.1", false, ClientAddressTest::headers, PROXIES);
    assertEquals(new Resolved("198.51.100.1", false), r);
    assertEquals(
        r,
        ClientAddress.believing(
            "x-forwarded-for", "10.0.0.1", false, ClientAddressTest::headers, PROXIES));
  }

  @Test
  void proxiesThatWriteForwardedAreBelievedInItAlone() {
    assertEquals(
        new Resolved("203.0.113.66", true),
        ClientAddress.believing(
            "Forwarded", "10.0.0.1", false, ClientAddressTest::headers, PROXIES));
  }

  @Test
  void anUnreadableHeaderSettingBelievesNoHeader() {
    assertEquals(
        new Resolved("10.0.0.1", false),
        ClientAddress.believing(
            "X-Real-IP", "10.0.0.1", false, ClientAddressTest::headers, PROXIES));
  }
}
