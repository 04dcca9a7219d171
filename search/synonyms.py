"""Search-time synonyms, per language (Solr format: equivalent terms on one line).

Applied when a query is analysed, not when documents are indexed, so that
adding a line here takes effect after `search_index rebuild` without changing
stored text. The rules go through the same chain as the query (elision,
lowercase, ASCII folding) before the synonym filter, so they are written as
people type them. Abbreviations matter most: officials write "FOI", "PB",
"CADA" or "RTI" where entries spell the words out.
"""

ENGLISH = [
    "participatory budgeting, participatory budget, participative budgeting, pb, citizen budget",
    "freedom of information, foi, foia, access to information, right to information, rti",
    "e-petition, e-petitions, online petition, online petitions, epetition, petition platform",
    "open data portal, data portal, data catalogue, data catalog, open data catalogue",
    "public consultation, online consultation, e-consultation, public participation",
    "public procurement, open contracting, public contracts, tenders",
    "whistleblowing, whistleblower, leaks, anonymous submissions",
    "parliamentary monitoring, parliament watch, parliamentary monitoring organisation, pmo",
    "civic tech, civictech, civic technology",
    "legislation, law, bill, bills, laws",
    "members of parliament, mps, representatives, deputies, legislators",
    "fix my street, fixmystreet, street reporting, pothole reporting",
    "ogp, open government partnership",
]

FRENCH = [
    "budget participatif, budgets participatifs, bp, budget citoyen",
    "acces a l'information, droit d'acces, cada, transparence administrative, demande d'acces",
    "petition en ligne, petitions en ligne, e-petition, petition",
    "portail de donnees, portail open data, catalogue de donnees, portail de donnees ouvertes",
    "donnees ouvertes, open data, opendata",
    "consultation publique, consultation en ligne, concertation",
    "commande publique, marches publics, appels d'offres",
    "lanceur d'alerte, lanceurs d'alerte, alerte ethique",
    "elus, deputes, parlementaires, representants",
    "loi, lois, projet de loi, texte de loi, legislation",
    "civic tech, civictech, technologie civique",
    "pgo, partenariat pour un gouvernement ouvert, ogp",
]
