/*
 * firms.c — the words that close a company's name (firms.h).
 */
#include "firms.h"

#include "../core/core.h"

/* The legal form closing a firm's name: `Dorvan Motor Corp of South Korea`
 * ends before `of`, unlike `Bank of England`. */
static const char *const firm_suffixes[] = {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd",
                                            "ltd.", "plc", "sa", "ag", "nv", "gmbh", "bhd",
                                            "ab", "lp", "llc", "llp", "s.a.", "a.g.", "n.v.",
                                            "b.v.", "bv", "spa", "s.p.a.", "oy", "oyj", "asa",
                                            "pty", "pte", "tbk", "pcl", "jsc", "ojsc", "srl",
                                            "sarl", "limited", "incorporated", NULL};

/* Trades that close a firm's name and no public body's: a town's
 * council, club, school or police take other words. */
static const char *const firm_trades[] = {
    "airlines", "airline", "airways", "air", "motors", "pictures", "studios",
    "breweries", "brewery", "stores", "laboratories", "pharmaceuticals", "chemicals",
    "electronics", "technologies", "industries", "holdings", "telecom", "telecoms",
    "petroleum", "steel", "mining", "foods", "textiles", "insurance", "assurance",
    "bancorp", "bancshares", "communications", "software", "enterprises", "investments",
    "hotels", "logistics", "automotive", "aviation", "cement", "mills", "petrochemicals",
    "metals", "plastics", "records", "entertainment", "corporation", "company",
    "group", NULL};

int td_firm_suffix(const char *norm) { return norm && td_str_in(norm, firm_suffixes); }

int td_firm_word(const char *norm) {
  return norm && (td_str_in(norm, firm_suffixes) || td_str_in(norm, firm_trades));
}

/* Nouns that name a business in apposition with its name: `the phone
 * company Orange`, `aluminium producer Alcoa`, `Santander, the Spanish
 * bank,`. A business's kind, not a public body's (`council`, `club`). */
static const char *const firm_nouns[] = {
    "company", "firm", "operator", "maker", "carmaker", "automaker", "chipmaker", "drugmaker",
    "retailer", "carrier", "airline", "insurer", "bank", "lender", "producer", "manufacturer",
    "conglomerate", "giant", "supplier", "provider", "developer", "publisher", "broadcaster",
    "miner", "refiner", "supermarket", "brewer", "distributor", "startup", "start-up", NULL};

int td_firm_noun(const char *norm) { return norm && td_str_in(norm, firm_nouns); }

/* Nouns of a business's own after its name and a possessive (`Zara's
 * headquarters`, `Delta's shares`, `Asda's stores`): what a company
 * has and a town has not. Not `boss`, `chairman`, `chief executive`,
 * which a club or a council has too. */
static const char *const firm_haves[] = {
    "headquarters", "shares", "shareholders", "profits", "profit", "stores", "spokesman",
    "spokeswoman", "spokesperson", "customers", "share", "earnings", "brand", NULL};

int td_firm_have(const char *norm) { return norm && td_str_in(norm, firm_haves); }
