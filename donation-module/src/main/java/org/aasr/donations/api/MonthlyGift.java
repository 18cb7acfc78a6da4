package org.aasr.donations.api;

import java.time.Instant;

/**
 * A monthly gift as its donor sees it on the page of their private cancel link.
 *
 * @param campaignName the fundraiser it goes to
 * @param amount the gift each month
 * @param total what is taken each month: the gift plus any fee the donor covers
 * @param byCard true for a card gift through the processor, false for a pledge paid offline
 * @param since when the donor began it
 */
public record MonthlyGift(
    String campaignName, Money amount, Money total, boolean byCard, Instant since) {}
