package org.aasr.web.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailErrorsTest {

  @Test
  void aServersRefusalIsKeptWithoutTheAddressItQuotes() {
    String error =
        MailErrors.describe(
            new SendFailedException(
                "Invalid Addresses",
                new MessagingException("550 5.1.1 <jo.smith@example.org>: Recipient unknown")));

    assertFalse(error.contains("jo.smith"), error);
    assertTrue(error.contains("550 5.1.1 <[address]>: Recipient unknown"), error);
    assertTrue(error.startsWith("SendFailedException: Invalid Addresses"), error);
  }

  @Test
  void aLongErrorIsCutToTheColumnsSize() {
    assertEquals(500, MailErrors.describe(new MessagingException("x".repeat(2000))).length());
  }

  @Test
  void theWaitBetweenAttemptsDoublesUpToAnHour() {
    MailSettings settings =
        new MailSettings(
            Optional.empty(),
            587,
            Optional.empty(),
            Optional.empty(),
            true,
            MailSettings.DEFAULT_FROM,
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            10,
            Duration.ofDays(90));

    assertEquals(Duration.ofMinutes(1), settings.backoff(1));
    assertEquals(Duration.ofMinutes(2), settings.backoff(2));
    assertEquals(Duration.ofMinutes(32), settings.backoff(6));
    assertEquals(Duration.ofHours(1), settings.backoff(7));
    assertEquals(Duration.ofHours(1), settings.backoff(30));
  }

  @Test
  void settingsNeverShowThePassword() {
    MailSettings settings =
        new MailSettings(
            Optional.of("smtp.example.org"),
            587,
            Optional.of("aasr"),
            Optional.of("s3cret-pw"),
            true,
            MailSettings.DEFAULT_FROM,
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            10,
            Duration.ofDays(90));

    assertFalse(settings.toString().contains("s3cret-pw"));
  }
}
