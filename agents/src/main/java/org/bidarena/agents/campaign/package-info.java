/**
 * Campaign test cells and the rules their optimisation agents apply (issue 15), as plain logic: the grid of
 * cells, the monitor's flags, the budget reallocation, the lifecycle, creative wear-out and the decision engine.
 * Every threshold comes from {@link org.bidarena.agents.campaign.CampaignRules}; the actors only feed them a
 * tick's numbers and journal what they decide.
 */
package org.bidarena.agents.campaign;
