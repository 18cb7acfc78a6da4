package org.aasr.volunteers.api;

/**
 * What the console's volunteer list is narrowed to; every part is optional (null: any).
 *
 * @param status only volunteers in this status
 * @param interest only those interested in this
 * @param country only those living in this country ({@link Places} code)
 * @param region only those in this state or province of that country
 * @param skill only those whose skills contain this text, whatever its case
 */
public record VolunteerFilter(
    VolunteerStatus status, Interest interest, String country, String region, String skill) {

  /** No filter: every volunteer. */
  public static final VolunteerFilter ALL = new VolunteerFilter(null, null, null, null, null);
}
