package org.aasr.donations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import org.aasr.donations.api.Dedication;
import org.aasr.donations.api.DonationStatus;
import org.aasr.donations.api.Frequency;

/**
 * One gift. Its amount is minor units of {@link #getCurrency()}; the fee a donor chose to cover is
 * kept apart, because the fundraiser's total counts the gift, not the processor's share.
 */
@Entity
@Table(name = "donation")
@NamedQuery(
    name = "Donation.findByFormKey",
    query = "SELECT d FROM Donation d JOIN FETCH d.campaign WHERE d.formKey = :key")
@NamedQuery(
    name = "Donation.findByReference",
    query = "SELECT d FROM Donation d JOIN FETCH d.campaign WHERE d.reference = :reference")
@NamedQuery(
    name = "Donation.totals",
    query =
        "SELECT SUM(d.amountMinor), COUNT(DISTINCT d.donorEmail) FROM Donation d"
            + " WHERE d.campaign = :campaign AND d.status = :status AND d.currency = :currency")
@NamedQuery(
    name = "Donation.findByPaymentIntent",
    query = "SELECT d FROM Donation d JOIN FETCH d.campaign WHERE d.paymentIntent = :paymentIntent")
@NamedQuery(
    name = "Donation.findBySubscription",
    query =
        "SELECT d FROM Donation d JOIN FETCH d.campaign WHERE d.subscriptionId = :subscription"
            + " ORDER BY d.createdAt, d.id")
@NamedQuery(
    name = "Donation.findByGatewayReference",
    query = "SELECT d FROM Donation d JOIN FETCH d.campaign WHERE d.gatewayReference = :reference")
@NamedQuery(
    name = "Donation.findByCancelToken",
    query = "SELECT d FROM Donation d JOIN FETCH d.campaign WHERE d.cancelTokenHash = :hash")
@NamedQuery(
    name = "Donation.countByStatus",
    query = "SELECT COUNT(d) FROM Donation d WHERE d.status = :status")
class Donation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String reference;

  @Column(name = "form_key", nullable = false, unique = true)
  private String formKey;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "campaign_id")
  private Campaign campaign;

  @Column(name = "amount_minor", nullable = false)
  private long amountMinor;

  @Column(name = "fee_minor", nullable = false)
  private long feeMinor;

  @Column(nullable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Frequency frequency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DonationStatus status;

  @Column(nullable = false)
  private String gateway;

  @Column(name = "gateway_reference")
  private String gatewayReference;

  @Column(name = "payment_intent")
  private String paymentIntent;

  @Column(name = "subscription_id")
  private String subscriptionId;

  @Column(name = "donor_name", nullable = false)
  private String donorName;

  /** Lower-cased, so that one donor counts once however they type their address. */
  @Column(name = "donor_email")
  private String donorEmail;

  private boolean anonymous;

  @Column(name = "news_opt_in")
  private boolean newsOptIn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Dedication dedication;

  @Column(name = "dedicated_to")
  private String dedicatedTo;

  @Column(name = "notify_email")
  private String notifyEmail;

  @Column(name = "receipt_number")
  private String receiptNumber;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "confirmed_at")
  private LocalDateTime confirmedAt;

  @Column(name = "refunded_at")
  private LocalDateTime refundedAt;

  /**
   * The SHA-256 of the monthly gift's private cancel link in this row's receipt; null once used.
   */
  @Column(name = "cancel_token_hash")
  private String cancelTokenHash;

  @Column(name = "cancelled_at")
  private LocalDateTime cancelledAt;

  @Column(name = "dedication_notified_at")
  private LocalDateTime dedicationNotifiedAt;

  @Version private int version;

  protected Donation() {}

  Donation(
      String reference,
      String formKey,
      Campaign campaign,
      long amountMinor,
      long feeMinor,
      String currency,
      Frequency frequency,
      DonationStatus status,
      String gateway,
      LocalDateTime createdAt) {
    this.reference = reference;
    this.formKey = formKey;
    this.campaign = campaign;
    this.amountMinor = amountMinor;
    this.feeMinor = feeMinor;
    this.currency = currency;
    this.frequency = frequency;
    this.status = status;
    this.gateway = gateway;
    this.createdAt = createdAt;
    this.dedication = Dedication.NONE;
  }

  void setDonor(String name, String email, boolean anonymous, boolean newsOptIn) {
    this.donorName = name;
    this.donorEmail = email;
    this.anonymous = anonymous;
    this.newsOptIn = newsOptIn;
  }

  void setDedication(Dedication dedication, String dedicatedTo, String notifyEmail) {
    this.dedication = dedication;
    this.dedicatedTo = dedicatedTo;
    this.notifyEmail = notifyEmail;
  }

  void setGatewayReference(String gatewayReference) {
    this.gatewayReference = gatewayReference;
  }

  void paidBy(String paymentIntent, String subscriptionId) {
    if (paymentIntent != null) {
      this.paymentIntent = paymentIntent;
    }
    if (subscriptionId != null) {
      this.subscriptionId = subscriptionId;
    }
  }

  void fail() {
    this.status = DonationStatus.FAILED;
  }

  String getPaymentIntent() {
    return paymentIntent;
  }

  String getSubscriptionId() {
    return subscriptionId;
  }

  String getGatewayReference() {
    return gatewayReference;
  }

  /** For an offline gift: made on the day it arrived, not the day staff typed it in. */
  void setCreatedAt(LocalDateTime createdAt) {
    this.createdAt = createdAt;
  }

  void confirm(String receiptNumber, LocalDateTime at) {
    this.status = DonationStatus.CONFIRMED;
    this.receiptNumber = receiptNumber;
    this.confirmedAt = at;
  }

  void refund(LocalDateTime at) {
    this.status = DonationStatus.REFUNDED;
    this.refundedAt = at;
  }

  String getCancelTokenHash() {
    return cancelTokenHash;
  }

  void setCancelTokenHash(String hash) {
    this.cancelTokenHash = hash;
  }

  /** The monthly gift stops: no more months; a pledge not yet paid is given up. */
  void cancel(LocalDateTime at) {
    this.cancelledAt = at;
    this.cancelTokenHash = null;
    if (status == DonationStatus.PLEDGED) {
      status = DonationStatus.FAILED;
    }
  }

  LocalDateTime getCancelledAt() {
    return cancelledAt;
  }

  LocalDateTime getDedicationNotifiedAt() {
    return dedicationNotifiedAt;
  }

  void dedicationNotified(LocalDateTime at) {
    this.dedicationNotifiedAt = at;
  }

  Long getId() {
    return id;
  }

  String getReference() {
    return reference;
  }

  String getFormKey() {
    return formKey;
  }

  Campaign getCampaign() {
    return campaign;
  }

  long getAmountMinor() {
    return amountMinor;
  }

  long getFeeMinor() {
    return feeMinor;
  }

  String getCurrency() {
    return currency;
  }

  Frequency getFrequency() {
    return frequency;
  }

  DonationStatus getStatus() {
    return status;
  }

  String getGateway() {
    return gateway;
  }

  String getDonorName() {
    return donorName;
  }

  String getDonorEmail() {
    return donorEmail;
  }

  boolean isAnonymous() {
    return anonymous;
  }

  boolean isNewsOptIn() {
    return newsOptIn;
  }

  Dedication getDedication() {
    return dedication;
  }

  String getDedicatedTo() {
    return dedicatedTo;
  }

  String getNotifyEmail() {
    return notifyEmail;
  }

  String getReceiptNumber() {
    return receiptNumber;
  }

  LocalDateTime getCreatedAt() {
    return createdAt;
  }

  LocalDateTime getConfirmedAt() {
    return confirmedAt;
  }
}
