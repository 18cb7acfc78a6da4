package org.aasr.web.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  private final TrustedProxies proxies =
      TrustedProxies.parse("127.0.0.1, 10.0.0.0/8 192.168.1.0/24,::1 , fd00::/8, 2001:db8::/127");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "10.0.0.0",
        "10.255.255.255",
        "192.168.1.77",
        "::1",
        "0:0:0:0:0:0:0:1",
        "[::1]",
        "fd12:3456::1",
        "2001:db8::1",
        "::ffff:10.1.2.3"
      })
  void addressesInsideTheRangesAreTrusted(String address) {
    assertTrue(proxies.contains(address), address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.2",
        "11.0.0.1",
        "9.255.255.255",
        "192.168.2.1",
        "::2",
        "fe80::1",
        "2001:db8::2",
        "localhost",
        "unknown",
        "",
        "10.0.0.1.example.org",
        "010.0.0.1"
      })
  void everythingElseIsNot(String address) {
    assertFalse(proxies.contains(address), address);
  }

  @Test
  void anEmptySettingTrustsNobody() {
    assertTrue(TrustedProxies.parse("").isEmpty());
    assertTrue(TrustedProxies.parse(null).isEmpty());
    assertFalse(TrustedProxies.parse(" ").contains("127.0.0.1"));
  }

  @Test
  void aZeroLengthPrefixCoversItsWholeFamilyOnly() {
    TrustedProxies all4 = TrustedProxies.parse("0.0.0.0/0");
    assertTrue(all4.contains("203.0.113.9"));
    assertFalse(all4.contains("2001:db8::9"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "proxy.example.org",
        "10.0.0.0/33",
        "::1/129",
        "10.0.0.0/x",
        "300.1.1.1",
        "10.0/8"
      })
  void anEntryThatIsNoAddressOrRangeIsRefusedByName(String entry) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("::1, " + entry));
    assertTrue(e.getMessage().contains(entry), e.getMessage());
  }
}
