package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.1, object BidRequest. Field names and types follow the specification's table. */
public final class BidRequest extends OpenRtbObject {
  public String id;
  public List<Imp> imp;
  public Site site;
  public App app;
  public Dooh dooh;
  public Device device;
  public User user;
  public Integer test;
  public Integer at;
  public Integer tmax;
  public List<String> wseat;
  public List<String> bseat;
  public Integer allimps;
  public List<String> cur;
  public List<String> wlang;
  public List<String> wlangb;
  public List<String> acat;
  public List<String> bcat;
  public Integer cattax;
  public List<String> badv;
  public List<String> bapp;
  public Source source;
  public Regs regs;
}
