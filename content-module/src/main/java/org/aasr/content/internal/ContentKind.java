package org.aasr.content.internal;

/**
 * The kinds of content the console changes, with what an editor is told when someone else changed
 * the same one, or took its address, first. The messages live here once, so that a conflict found
 * by the version check and the same conflict found by the database at the very same moment read
 * alike.
 */
enum ContentKind {
  STORY("story", "deleted", "such as my-story-title"),
  PAGE("page", "removed", "such as our-history"),
  CATEGORY("category", "deleted", "such as campaign-news");

  private final String noun;
  private final String gone;
  private final String slugExample;

  ContentKind(String noun, String gone, String slugExample) {
    this.noun = noun;
    this.gone = gone;
    this.slugExample = slugExample;
  }

  /** When the content was deleted after the editor opened it. */
  String goneMessage() {
    return "This " + noun + " was " + gone + " by someone else.";
  }

  /** When someone else saved it after the editor opened it, and the editor tried to save. */
  String savedMeanwhileMessage() {
    return "Someone else saved this "
        + noun
        + " after you opened it. Nothing was saved: reload it to see their changes, then make"
        + " yours again.";
  }

  /** When someone else saved it after the editor opened it, and the editor tried to delete it. */
  String deleteRefusedMessage() {
    return "Someone else saved this " + noun + " after you opened it. Nothing was deleted.";
  }

  /** When the address is another one's. */
  String addressTakenMessage() {
    return "Another " + noun + " has this address already.";
  }

  /** When the address is not made of the characters an address may hold. */
  String addressRuleMessage() {
    return "Use lower-case letters, digits and single hyphens, " + slugExample + ".";
  }
}
