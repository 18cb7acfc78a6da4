package org.aasr.donations.api;

/** An amount a person typed that is not a usable amount of money; the message says why. */
public class InvalidAmountException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidAmountException(String message) {
    super(message);
  }
}
