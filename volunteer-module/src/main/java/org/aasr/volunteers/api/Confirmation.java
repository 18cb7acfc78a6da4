package org.aasr.volunteers.api;

/** What became of a click on the link that confirms a volunteer's email address. */
public enum Confirmation {
  /** The address is confirmed now (or the link could be used now). */
  CONFIRMED,
  /** The link was used already, or replaced by a newer one: it changes nothing now. */
  USED,
  /** The link is too old: signing up again sends a new one. */
  EXPIRED,
  /** No such link was ever sent (a mistyped or made-up address). */
  UNKNOWN
}
