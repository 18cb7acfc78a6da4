package org.aasr.volunteers.internal;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Method;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.aasr.volunteers.api.ShiftInfo;

/**
 * A shift as an iCalendar ({@code .ics}) event, for calendar programs: its times in the shift's own
 * time zone (a {@code TZID} with its {@code VTIMEZONE}, so that a volunteer travelling or living in
 * another zone sees the right hour), a UID that stays the same for one booking (a second copy
 * updates the event rather than adding one), the opportunity as summary and where it happens as
 * location.
 *
 * <p>The {@code VTIMEZONE} is made from Java's own time-zone rules (standard and daylight time with
 * their yearly rules) rather than downloaded, since the server reaches no time-zone service.
 */
final class ShiftCalendar {

  private ShiftCalendar() {}

  /**
   * The calendar text of one booked shift.
   *
   * @param uid the event's lasting identifier, e.g. {@code booking-12@volunteers.aasr}
   */
  static String ics(String uid, String summary, String location, ShiftInfo shift, Instant now) {
    ICalendar calendar = new ICalendar();
    calendar.setProductId("-//Alliance Against Seclusion and Restraint//Volunteers//EN");
    calendar.setMethod(Method.publish());
    VEvent event = new VEvent();
    event.setUid(uid);
    event.setDateTimeStamp(Date.from(now));
    event.setSummary(summary);
    event.setLocation(location);
    event.setDateStart(Date.from(shift.startsAt()));
    event.setDateEnd(Date.from(shift.endsAt()));
    calendar.addEvent(event);
    ZoneId zone = shift.timeZone();
    calendar
        .getTimezoneInfo()
        .setDefaultTimezone(
            new TimezoneAssignment(TimeZone.getTimeZone(zone), timezone(zone, shift.startsAt())));
    return Biweekly.write(calendar).go();
  }

  /** The zone's VTIMEZONE: its yearly rules when it has any, else the offset it has then. */
  static VTimezone timezone(ZoneId zone, Instant at) {
    VTimezone component = new VTimezone(zone.getId());
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
    if (yearly.isEmpty()) {
      ZoneOffset offset = rules.getOffset(at);
      StandardTime standard = new StandardTime();
      standard.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
      standard.setTimezoneOffsetFrom(offset(offset));
      standard.setTimezoneOffsetTo(offset(offset));
      component.addStandardTime(standard);
      return component;
    }
    for (ZoneOffsetTransitionRule rule : yearly) {
      ZoneOffsetTransition transition = rule.createTransition(1970);
      boolean daylight =
          transition.getOffsetAfter().getTotalSeconds()
              > transition.getOffsetBefore().getTotalSeconds();
      Observance observance = daylight ? new DaylightSavingsTime() : new StandardTime();
      LocalDateTime before = transition.getDateTimeBefore();
      observance.setDateStart(
          new DateTimeComponents(
              before.getYear(),
              before.getMonthValue(),
              before.getDayOfMonth(),
              before.getHour(),
              before.getMinute(),
              before.getSecond(),
              false));
      observance.setTimezoneOffsetFrom(offset(transition.getOffsetBefore()));
      observance.setTimezoneOffsetTo(offset(transition.getOffsetAfter()));
      int indicator = rule.getDayOfMonthIndicator();
      Recurrence.Builder yearlyRule =
          new Recurrence.Builder(Frequency.YEARLY).byMonth(rule.getMonth().getValue());
      if (rule.getDayOfWeek() == null) {
        yearlyRule.byMonthDay(indicator);
      } else {
        // Java's "on or after day 8" is iCalendar's second such weekday; negative is the last.
        int week = indicator < 0 ? -1 : (indicator - 1) / 7 + 1;
        yearlyRule.byDay(week, DayOfWeek.valueOf(rule.getDayOfWeek().name()));
      }
      observance.setRecurrenceRule(yearlyRule.build());
      if (daylight) {
        component.addDaylightSavingsTime((DaylightSavingsTime) observance);
      } else {
        component.addStandardTime((StandardTime) observance);
      }
    }
    return component;
  }

  private static UtcOffset offset(ZoneOffset offset) {
    return new UtcOffset(offset.getTotalSeconds() * 1000L);
  }
}
