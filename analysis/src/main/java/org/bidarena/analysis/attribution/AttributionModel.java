package org.bidarena.analysis.attribution;

/**
 * Splits conversions and their revenue between the keys of the touches before them. Pure: the same journeys give
 * the same credits. {@link Models#byName} picks one by name, which is how a campaign or an allocator would choose
 * the model it learns from.
 */
public interface AttributionModel {
  /** The model's name as the command line and the CSV spell it. */
  String name();

  Credits attribute(Journeys journeys);
}
