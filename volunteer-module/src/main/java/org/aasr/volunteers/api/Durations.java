package org.aasr.volunteers.api;

/** Minutes as people read them: {@code 45 min}, {@code 2 h}, {@code 2 h 30 min}. */
public final class Durations {

  private Durations() {}

  /** E.g. {@code describe(150)} is {@code "2 h 30 min"}. */
  public static String describe(long minutes) {
    long h = minutes / 60;
    long m = minutes % 60;
    if (h == 0) {
      return m + " min";
    }
    return m == 0 ? h + " h" : h + " h " + m + " min";
  }
}
