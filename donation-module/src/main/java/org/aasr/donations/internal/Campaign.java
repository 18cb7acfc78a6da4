package org.aasr.donations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A fundraiser. Its goal and suggested amounts are minor units of the site's one currency. */
@Entity
@Table(name = "campaign")
@NamedQuery(name = "Campaign.findBySlug", query = "SELECT c FROM Campaign c WHERE c.slug = :slug")
@NamedQuery(
    name = "Campaign.findAll",
    query = "SELECT c FROM Campaign c ORDER BY c.createdAt DESC, c.id DESC")
@NamedQuery(
    name = "Campaign.findFeatured",
    query = "SELECT c FROM Campaign c WHERE c.featured = TRUE ORDER BY c.updatedAt DESC")
class Campaign {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String description;

  @Column(name = "goal_minor")
  private Long goalMinor;

  @Column(name = "start_date")
  private LocalDate startDate;

  @Column(name = "end_date")
  private LocalDate endDate;

  @Column(name = "suggested_amounts", nullable = false)
  private String suggestedAmounts;

  @Column(name = "pledge_instructions", nullable = false)
  private String pledgeInstructions;

  @Column(name = "receipt_text", nullable = false)
  private String receiptText;

  private boolean featured;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Version private int version;

  protected Campaign() {}

  /** A new fundraiser, not featured; its fields are set by {@link #update}. */
  Campaign(String slug, LocalDateTime now) {
    this.slug = slug;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Sets what staff edit; the caller checked every value. */
  void update(
      String name,
      String description,
      Long goalMinor,
      LocalDate startDate,
      LocalDate endDate,
      List<Long> suggestedAmounts,
      String pledgeInstructions,
      String receiptText,
      LocalDateTime now) {
    this.name = name;
    this.description = description;
    this.goalMinor = goalMinor;
    this.startDate = startDate;
    this.endDate = endDate;
    setSuggestedAmounts(suggestedAmounts);
    this.pledgeInstructions = pledgeInstructions;
    this.receiptText = receiptText;
    this.updatedAt = now;
  }

  void setFeatured(boolean featured, LocalDateTime now) {
    this.featured = featured;
    this.updatedAt = now;
  }

  int getVersion() {
    return version;
  }

  LocalDateTime getCreatedAt() {
    return createdAt;
  }

  Long getId() {
    return id;
  }

  String getSlug() {
    return slug;
  }

  String getName() {
    return name;
  }

  String getDescription() {
    return description;
  }

  Long getGoalMinor() {
    return goalMinor;
  }

  LocalDate getStartDate() {
    return startDate;
  }

  LocalDate getEndDate() {
    return endDate;
  }

  /** The suggested amounts in minor units, smallest first. */
  List<Long> getSuggestedAmounts() {
    if (suggestedAmounts == null || suggestedAmounts.isBlank()) {
      return List.of();
    }
    return Arrays.stream(suggestedAmounts.split(","))
        .map(String::strip)
        .map(Long::valueOf)
        .sorted()
        .toList();
  }

  void setSuggestedAmounts(List<Long> amounts) {
    this.suggestedAmounts =
        amounts.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
  }

  String getPledgeInstructions() {
    return pledgeInstructions;
  }

  String getReceiptText() {
    return receiptText;
  }

  boolean isFeatured() {
    return featured;
  }

  void setGoalMinor(Long goalMinor) {
    this.goalMinor = goalMinor;
  }

  void setStartDate(LocalDate startDate) {
    this.startDate = startDate;
  }

  void setEndDate(LocalDate endDate) {
    this.endDate = endDate;
  }

  /** Whether it takes gifts on a day: from its start date (if any) to its end date (if any). */
  boolean isOpenOn(LocalDate day) {
    return (startDate == null || !day.isBefore(startDate))
        && (endDate == null || !day.isAfter(endDate));
  }
}
