package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.13, object Site. Field names and types follow the specification's table. */
public final class Site extends OpenRtbObject {
  public String id;
  public String name;
  public String domain;
  public Integer cattax;
  public List<String> cat;
  public List<String> sectioncat;
  public List<String> pagecat;
  public String page;
  public String ref;
  public String search;
  public Integer mobile;
  public Integer privacypolicy;
  public Publisher publisher;
  public Content content;
  public String keywords;
  public List<String> kwarray;
  public String inventorypartnerdomain;
}
