/*
 * firms.h — the words that close a company's name: legal forms (`Inc`,
 * `plc`, `GmbH`) and the trades firms are named by (`Airlines`,
 * `Motors`, `Pictures`). Shared by the actors layer (where a firm's name
 * ends) and the places layer (a town heading a firm's name is no place:
 * `Delta Air Lines`). Private to libtidings.
 */
#ifndef TD_FIRMS_H
#define TD_FIRMS_H

/* Whether norm (a token's folded form) is the legal form of a firm:
 * `inc`, `corp.`, `ltd`, `plc`, `ag`, `gmbh`, `s.a.`, `limited`. */
int td_firm_suffix(const char *norm);

/* Whether norm is a legal form or a trade that closes only a company's
 * name (`airlines`, `motors`, `pictures`, `breweries`), not a
 * government's, a club's or a school's (`council`, `united`, `college`,
 * which place-named bodies take). */
int td_firm_word(const char *norm);

/* Whether norm is a noun that names a business in apposition with its
 * name (`the phone company Orange`, `producer Alcoa`, `Orange, the
 * operator,`): `company`, `firm`, `carrier`, `bank`, `producer`. */
int td_firm_noun(const char *norm);

/* Whether norm is a noun of what a business has, after its name and a
 * possessive (`Zara's headquarters`, `Delta's shares`): `headquarters`,
 * `shares`, `profits`, `stores`, `spokesman`, `customers`. */
int td_firm_have(const char *norm);

#endif
