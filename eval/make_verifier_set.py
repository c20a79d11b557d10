"""Builds eval/verifier_set.jsonl: answers as a strong model writes them, right and wrong.

Every passage is copied from the bundled articles (articles/) or the SPF fiches
(bench/spf/docs.jsonl) by an anchor; the build fails if an anchor is missing. Wrong answers
change one thing: a name, number, date, place, content word, a negation, or restate the
question without the asked information. The dev/test split is a seeded stratified shuffle
over (label, kind). Run: python eval/make_verifier_set.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = {p.name[:3]: p for p in (ROOT / "articles").glob("*.txt")}
SPF = {json.loads(line)["id"]: json.loads(line)["text"]
       for line in (ROOT / "bench/spf/docs.jsonl").read_text(encoding="utf-8").splitlines()}


def para(article: str, anchor: str, n: int = 1) -> dict:
    """n paragraphs of an article, from the one holding `anchor`."""
    text = ARTICLES[article].read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    i = next(k for k, p in enumerate(paragraphs) if anchor in p)
    title = paragraphs[0] if not paragraphs[0].startswith(("Partager", "Suivez")) else ""
    return {"source": ARTICLES[article].name, "title": title,
            "text": "\n\n".join(paragraphs[i:i + n])}


def spf(doc: str, anchor: str, length: int) -> dict:
    """A fiche's text from the line holding `anchor`, about `length` characters, whole lines."""
    text = SPF[doc]
    at = text.index(anchor)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", start + length)
    return {"source": doc, "title": "", "text": text[start:end if end > 0 else None].strip()}


P = {
    "nrc": para("000", "a décidé de tenir une réunion du Conseil OTAN-Russie", 2),
    "offer": para("000", "Mardi, Stoltenberg a déclaré", 2),
    "zak0": para("000", "Plus tôt, la porte-parole", 2),
    "cuba": para("000", "Les États-Unis et l’Ukraine ont déclaré"),
    "g7": para("000", "Groupe des Sept", 2),
    "nukes": para("000", "D’autres impliqueraient"),
    "treaty": para("000", "Pour votre information"),
    "putin": para("000", "Pendant ce temps, le président russe", 2),
    "special": para("001", "a prévu une réunion spéciale"),
    "spy": para("001", "Inquiète du renforcement", 2),
    "borrell": para("001", "Le plus haut diplomate"),
    "georgia": para("001", "Moscou veut des garanties", 2),
    "ryabkov": para("001", "Maria Zakharova, porte-parole", 2),
    "osce": para("001", "Le 13 janvier, les pourparlers se poursuivront"),
    "partner": para("001", "considère l'Ukraine comme", 2),
    "week": para("002", "S'exprimant lundi à Bruxelles"),
    "norway": para("002", "S'appuyant sur son expérience", 2),
    "docs": para("002", "Le mois dernier, Moscou a préparé", 2),
    "lavrov": para("002", "Sergueï Lavrov a déclaré"),
    "expel": para("002", "En octobre, Moscou a annoncé"),
    "hours": para("003", "est apparu à l’issue de la réunion", 2),
    "thirty": para("003", "Tous les alliés"),
    "vienna3": para("003", "Cette question devrait être débattue"),
    "frozen": para("003", "Les médias de presse rappellent"),
    "friday": para("004", "L'OTAN est ouverte à l'écoute", 2),
    "collective": para("004", "Dans le même temps, le responsable", 2),
    "arms": para("004", "Nous sommes prêts à nous engager dans une maîtrise"),
    "first2019": para("004", "Des diplomates de haut niveau"),
    "pmsmp_dur": spf("F14102", "La durée de chaque PMSMP", 150),
    "pmsmp_refuse": spf("F14102", "Le salarié n'est pas tenu", 150),
    "copro": spf("F2137", "La  majorité absolue  (dite", 300),
    "metal": spf("F33177", "Le professionnel qui procède", 100),
    "cec": spf("F34030", "Si vous avez 16 ans", 100),
    "cec12": spf("F34030", "les heures acquises", 50),
    "bail": spf("F2315", "Meublé d'habitation\nMeublé de tourisme", 560),
    "court": spf("F1379", "Face à la propagation", 300),
    "stage": spf("F32743", "Le stage a débuté après", 420),
    "stage2": spf("F32743", "Pour chaque stage ouvrant droit", 560),
    "tractor": spf("F10522", "véhicule agricole remorqué", 10),
    "mediation": spf("F34355", "À titre expérimental", 300),
}

R, W = "right", "wrong"
# (passages, question, lang, answer, label, kind); right kinds: translated (names/titles
# written the English way), paraphrase, same (same language, close wording).
ITEMS = [
    ("nrc", "When will the NATO-Russia Council meet?", "en", "NATO Secretary General Jens Stoltenberg decided to hold a NATO-Russia Council meeting on January 12 [1].", R, "translated"),
    ("nrc", "Qui a annoncé la réunion du NRC ?", "fr", "C'est l'agence Anadolu qui l'a annoncé dimanche, en citant une source au sein de l'Alliance [1].", R, "paraphrase"),
    ("nrc", "Which city hosts the NATO Military Committee meeting?", "en", "Brussels hosts the meeting of NATO's Military Committee at the level of the member states' chiefs of defence [1].", R, "translated"),
    ("nrc", "When will the NATO-Russia Council meet?", "en", "Jens Stoltenberg decided to hold a NATO-Russia Council meeting on January 14 [1].", W, "date"),
    ("nrc", "Who announced the NRC meeting?", "en", "The Reuters agency announced the meeting on Sunday, citing a source within the alliance [1].", W, "name"),
    ("nrc", "When was the NRC meeting announced?", "en", "The Anadolu agency announced it on Monday [1].", W, "date"),
    ("nrc", "Where will the Military Committee meet?", "en", "Geneva will host the NATO Military Committee meeting of chiefs of defence [1].", W, "place"),
    ("nrc", "When will the NATO-Russia Council meet?", "en", "Jens Stoltenberg decided that the NATO-Russia Council will hold a meeting [1].", W, "restate"),
    ("offer", "What did NATO propose to Moscow?", "en", "NATO offered Moscow a NATO-Russia Council meeting in early 2022 to discuss developments in Ukraine [1].", R, "paraphrase"),
    ("offer", "What will NATO never compromise on?", "en", "Stoltenberg said NATO will never compromise on Ukraine's right to choose its own path [1].", R, "translated"),
    ("offer", "Sur quoi l'OTAN ne transigera-t-elle jamais ?", "fr", "L'OTAN ne cédera jamais sur le droit de l'Ukraine à choisir sa propre voie [1].", R, "paraphrase"),
    ("offer", "What did Stoltenberg say about Ukraine's path?", "en", "Stoltenberg said NATO is ready to compromise on Ukraine's right to choose its own path [1].", W, "negation"),
    ("offer", "Why did NATO propose the meeting?", "en", "NATO offered Moscow a NATO-Russia Council meeting in early 2022 to discuss sanctions against Ukraine [1].", W, "content"),
    ("offer", "When should the meeting take place?", "en", "NATO proposed to hold the meeting in early 2023 [1].", W, "number"),
    ("zak0", "Who confirmed that Moscow received the offer?", "en", "Maria Zakharova, the Russian Foreign Ministry spokeswoman, confirmed it on Friday [1].", R, "translated"),
    ("zak0", "What is Russia ready for?", "en", "Russia is ready for a direct dialogue on its proposed security guarantees, which would stop NATO from moving eastward and deploying weapons near Russia's borders [1].", R, "paraphrase"),
    ("zak0", "Qui a rapporté la confirmation de Zakharova ?", "fr", "L'agence TASS a rapporté que Maria Zakharova avait confirmé la réception de l'offre [1].", R, "same"),
    ("zak0", "Who confirmed that Moscow received the offer?", "en", "Anna Zakharova, the Russian Foreign Ministry spokeswoman, confirmed it on Friday [1].", W, "name"),
    ("zak0", "What did Zakharova confirm?", "en", "Zakharova confirmed on Friday that Moscow had rejected an offer from Brussels [1].", W, "content"),
    ("zak0", "What is Russia ready for?", "en", "Zakharova said Russia is not ready for a direct dialogue on security guarantees [1].", W, "negation"),
    ("zak0", "When did Zakharova confirm it?", "en", "Maria Zakharova confirmed it on Tuesday [1].", W, "date"),
    ("cuba", "Which event was the standoff compared to?", "en", "It was compared to the 1962 Cuban missile crisis, when the world was on the brink of nuclear war [1].", R, "translated"),
    ("cuba", "À quel événement la crise a-t-elle été comparée ?", "fr", "À la crise des missiles de Cuba de 1962, quand le monde était au bord d'une guerre nucléaire [1].", R, "paraphrase"),
    ("cuba", "What does Russia blame for the escalation?", "en", "Russia says Ukraine's growing ties with NATO led to the escalation [1].", R, "paraphrase"),
    ("cuba", "Which event was the standoff compared to?", "en", "It was compared to the 1962 Cuban missile crisis, when the world was on the brink of chemical war [1].", W, "content"),
    ("cuba", "Which event was the standoff compared to?", "en", "It was compared to the 1963 Cuban missile crisis [1].", W, "number"),
    ("cuba", "Which event was the standoff compared to?", "en", "It was compared to the 1962 Berlin crisis, when the world was on the brink of nuclear war [1].", W, "place"),
    ("cuba", "Does Russia deny preparing an invasion?", "en", "Russia does not deny that it is preparing an invasion of its former Soviet neighbour [1].", W, "negation"),
    ("g7", "Who warned Putin?", "en", "The United States, the European Union and the Group of Seven warned Putin of serious consequences, including tough economic sanctions [1].", R, "translated"),
    ("g7", "What do the Kremlin's demands include?", "en", "They include an effective Russian veto on Ukraine's future NATO membership [1].", R, "translated"),
    ("g7", "De quoi Poutine a-t-il été menacé ?", "fr", "Les États-Unis, l'UE et le G7 ont averti Poutine de « graves conséquences », dont de lourdes sanctions économiques [1].", R, "paraphrase"),
    ("g7", "Who warned Putin?", "en", "The United States, the European Union and the G20 warned Putin of serious consequences [1].", W, "number"),
    ("g7", "What was Putin warned of?", "en", "The US, the EU and the G7 warned Putin of serious consequences, including a military blockade [1].", W, "content"),
    ("g7", "Who was warned of serious consequences?", "en", "The United States, the EU and the G7 warned Lukashenko of serious consequences [1].", W, "name"),
    ("g7", "Who warned Putin?", "en", "Putin was warned that he would face serious consequences [1].", W, "restate"),
    ("nukes", "From which countries would NATO battalions be withdrawn?", "en", "NATO's multinational battalions would be withdrawn from Poland and the Baltic states of Estonia, Latvia and Lithuania [1].", R, "translated"),
    ("nukes", "What weapons would be withdrawn?", "en", "US nuclear weapons would be withdrawn from Europe [1].", R, "translated"),
    ("nukes", "Quelles armes seraient retirées d'Europe ?", "fr", "Les armes nucléaires des États-Unis seraient retirées d'Europe [1].", R, "paraphrase"),
    ("nukes", "From which countries would NATO battalions be withdrawn?", "en", "NATO battalions would be withdrawn from Romania and the Baltic states [1].", W, "place"),
    ("nukes", "What weapons would be withdrawn?", "en", "US chemical weapons would be withdrawn from Europe [1].", W, "content"),
    ("nukes", "From which countries would NATO battalions be withdrawn?", "en", "NATO battalions would be withdrawn from Poland, Estonia, Latvia and Finland [1].", W, "place"),
    ("treaty", "When did Russia publish its draft agreement?", "en", "On December 17, the Russian Foreign Ministry published a draft agreement on legally binding security guarantees from the US and NATO [1].", R, "translated"),
    ("treaty", "Who received the treaty document?", "en", "It was handed on December 15 to Karen Donfried, the US Assistant Secretary of State for European and Eurasian Affairs [1].", R, "translated"),
    ("treaty", "À qui le projet de traité a-t-il été remis ?", "fr", "À Karen Donfried, secrétaire d'État adjointe américaine, le 15 décembre [1].", R, "same"),
    ("treaty", "When was the treaty document handed over?", "en", "It was handed to Karen Donfried on December 25 [1].", W, "date"),
    ("treaty", "Who received the treaty document?", "en", "It was handed on December 15 to Victoria Nuland, the US Assistant Secretary of State [1].", W, "name"),
    ("treaty", "What did the Russian Foreign Ministry publish?", "en", "On December 17, the Russian Foreign Ministry published a draft agreement on non-binding security guarantees [1].", W, "negation"),
    ("treaty", "When did Russia publish its draft agreement?", "en", "On November 17, the Russian Foreign Ministry published a draft agreement on security guarantees [1].", W, "date"),
    ("putin", "What did Putin say about Washington?", "en", "Vladimir Putin said Washington was ready to start talks in Geneva as early as 2022 [1].", R, "translated"),
    ("putin", "Where did Putin say the talks would start?", "en", "According to President Putin, the talks with Washington would begin in Geneva [1].", R, "translated"),
    ("putin", "Qu'a dit Poutine lors de sa conférence de presse ?", "fr", "Vladimir Poutine a affirmé que Moscou voyait une réaction positive des États-Unis à sa proposition de garanties de sécurité [1].", R, "same"),
    ("putin", "What did the NATO chief say about Moscow's proposals?", "en", "NATO's Secretary General confirmed that the alliance would look carefully at Moscow's proposals [1].", R, "paraphrase"),
    ("putin", "Where did Putin say the talks would start?", "en", "Putin said Washington was ready to start talks in Vienna as early as 2022 [1].", W, "place"),
    ("putin", "What did Putin say at his press conference?", "en", "Putin said Moscow saw no positive reaction from the United States to its proposal [1].", W, "negation"),
    ("putin", "What did the NATO chief say about Moscow's proposals?", "en", "NATO's Secretary General confirmed that the alliance would reject Moscow's proposals [1].", W, "content"),
    ("putin", "Who said Washington was ready for talks?", "en", "Dmitry Medvedev said Washington was ready to start talks in Geneva [1].", W, "name"),
    ("special", "Who will attend the special meeting?", "en", "Allied ambassadors and senior Russian officials will attend the special meeting, a NATO official said on Tuesday, January 4 [1].", R, "translated"),
    ("special", "Quand le responsable de l'OTAN a-t-il annoncé la réunion spéciale ?", "fr", "Le mardi 4 janvier [1].", R, "same"),
    ("special", "When was the special meeting announced?", "en", "A NATO official announced it on Tuesday, January 5 [1].", W, "date"),
    ("special", "Who will attend the special meeting?", "en", "Stoltenberg planned a special meeting of allied defence ministers and senior Russian officials [1].", W, "content"),
    ("spy", "Why did the forum seem in danger?", "en", "The forum seemed at risk after a spying dispute in October [1].", R, "paraphrase"),
    ("spy", "Since when has the council format been used?", "en", "The NATO-Russia Council has been used as a format for dialogue since 2002 [1].", R, "translated"),
    ("spy", "Where and when will the council meet?", "en", "It will meet in Brussels on 12 January, after US-Russian security talks in Geneva on 10 January [1].", R, "translated"),
    ("spy", "Depuis quand le format du conseil existe-t-il ?", "fr", "Ce format de dialogue est utilisé depuis 2002 [1].", R, "same"),
    ("spy", "Why did the forum seem in danger?", "en", "The forum seemed at risk after a cyberattack dispute in October [1].", W, "content"),
    ("spy", "Since when has the council format been used?", "en", "The council has been used as a format for dialogue since 2012 [1].", W, "number"),
    ("spy", "Where will the council meet?", "en", "The NATO-Russia Council will meet in Geneva on 12 January [1].", W, "place"),
    ("spy", "When will the council meet?", "en", "It will meet in Brussels on 12 February [1].", W, "date"),
    ("spy", "Has the council been used for dialogue?", "en", "The NATO-Russia Council has never been used for dialogue [1].", W, "negation"),
    ("borrell", "Who travelled to Ukraine?", "en", "The EU's top diplomat, Josep Borrell, travelled to Ukraine on Tuesday for a two-day visit to show support for Kyiv [1].", R, "translated"),
    ("borrell", "Combien de temps dure le voyage de Borrell ?", "fr", "Son voyage en Ukraine dure deux jours [1].", R, "same"),
    ("borrell", "How long is Borrell's trip?", "en", "Borrell's trip to Ukraine lasts two days [1].", R, "translated"),
    ("borrell", "How long is Borrell's trip?", "en", "Borrell's trip to Ukraine lasts three days [1].", W, "number"),
    ("borrell", "Who travelled to Ukraine?", "en", "The EU's top diplomat, Charles Michel, travelled to Ukraine on Tuesday [1].", W, "name"),
    ("borrell", "Where did Borrell travel?", "en", "Josep Borrell travelled to Moldova on Tuesday for a two-day visit [1].", W, "place"),
    ("borrell", "How long is Borrell's trip?", "en", "Josep Borrell is making a trip to Ukraine [1].", W, "restate"),
    ("georgia", "What does Moscow want?", "en", "Moscow wants guarantees that NATO will halt its eastward expansion and end military cooperation with Ukraine and Georgia [1].", R, "translated"),
    ("georgia", "Avec quels pays Moscou veut-il que l'OTAN cesse de coopérer ?", "fr", "Avec l'Ukraine et la Géorgie, selon Moscou [1].", R, "same"),
    ("georgia", "What does Moscow accuse Kyiv of?", "en", "Moscow accuses Kyiv of building up its own forces in the east of the country [1].", R, "translated"),
    ("georgia", "With whom should NATO end military cooperation?", "en", "Moscow wants NATO to end military cooperation with Russia [1].", W, "place"),
    ("georgia", "With whom should NATO end military cooperation?", "en", "Moscow wants NATO to end military cooperation with Ukraine and Moldova [1].", W, "place"),
    ("georgia", "What does Moscow accuse Kyiv of?", "en", "Moscow accuses Kyiv of withdrawing its own forces from the east of the country [1].", W, "content"),
    ("georgia", "Does Moscow plan an invasion?", "en", "Moscow does not deny the US claims that it plans an invasion of Ukraine [1].", W, "negation"),
    ("ryabkov", "Who will represent Russia in Brussels?", "en", "Russian Deputy Foreign Minister Sergei Ryabkov and other senior Russian officials are expected at the Brussels talks [1].", R, "translated"),
    ("ryabkov", "Who is Wendy Sherman?", "en", "Wendy Sherman is the US Deputy Secretary of State; she met Russian officials in Geneva [1].", R, "translated"),
    ("ryabkov", "Who will the Russians meet in Geneva?", "en", "They will first meet US Deputy Secretary of State Wendy Sherman in Geneva [1].", R, "translated"),
    ("ryabkov", "Qui représentera la Russie à Bruxelles ?", "fr", "Le vice-ministre des Affaires étrangères Sergueï Riabkov et d'autres hauts responsables russes [1].", R, "translated"),
    ("ryabkov", "Who will represent Russia in Brussels?", "en", "Russian Deputy Foreign Minister Sergei Lavrov is expected at the Brussels talks [1].", W, "name"),
    ("ryabkov", "Who will the Russians meet in Geneva?", "en", "They will first meet US Secretary of State Antony Blinken in Geneva [1].", W, "name"),
    ("ryabkov", "Where will the Russians meet Wendy Sherman?", "en", "They will first meet Wendy Sherman in Vienna [1].", W, "place"),
    ("ryabkov", "Will Russian officials attend the NATO meeting?", "en", "Zakharova said Russian officials will not take part in the NATO meeting in Brussels [1].", W, "negation"),
    ("ryabkov", "Who will the Russians meet in Geneva?", "en", "The Russian officials will meet someone in Geneva before the Brussels talks [1].", W, "restate"),
    ("osce", "Where is the OSCE based?", "en", "The Organization for Security and Co-operation in Europe is based in Vienna [1].", R, "translated"),
    ("osce", "When do the talks continue at the OSCE?", "en", "On January 13 the talks continue within the wider OSCE framework [1].", R, "translated"),
    ("osce", "Quels pays l'OSCE comprend-elle ?", "fr", "L'OSCE réunit les États-Unis et leurs alliés de l'OTAN, ainsi que la Russie, l'Ukraine et d'autres anciens États soviétiques [1].", R, "same"),
    ("osce", "Where is the OSCE based?", "en", "The OSCE is based in Geneva [1].", W, "place"),
    ("osce", "When do the talks continue at the OSCE?", "en", "On January 14 the talks continue within the OSCE framework [1].", W, "date"),
    ("partner", "How does the EU see Ukraine?", "en", "The European Union regards Ukraine as a \"strategic partner\", its spokesman said [1].", R, "translated"),
    ("partner", "Who will accompany Borrell?", "en", "Ukrainian Foreign Minister Dmytro Kuleba will accompany Borrell to the contact line with Russian-backed separatists [1].", R, "translated"),
    ("partner", "Que visitera Borrell ?", "fr", "Il se rendra sur la ligne de contact avec les séparatistes soutenus par la Russie, accompagné de Dmytro Kouleba [1].", R, "translated"),
    ("partner", "How does the EU see Ukraine?", "en", "The European Union regards Ukraine as a candidate for membership [1].", W, "content"),
    ("partner", "Who will accompany Borrell?", "en", "Ukrainian Foreign Minister Andriy Kuleba will accompany Borrell [1].", W, "name"),
    ("partner", "When will EU foreign ministers discuss next steps?", "en", "EU foreign ministers are to discuss their next steps later in February [1].", W, "date"),
    ("week", "Where did Stoltenberg speak?", "en", "Stoltenberg spoke to reporters in Brussels on Monday [1].", R, "translated"),
    ("week", "Which talks were planned that week?", "en", "The NATO-Russia Council on January 12, US-Russia talks in Geneva, and the OSCE in Vienna on January 13 [1].", R, "translated"),
    ("week", "When did Stoltenberg speak to reporters?", "en", "Stoltenberg spoke to reporters in Brussels on Thursday [1].", W, "date"),
    ("week", "Where did Stoltenberg speak?", "en", "Stoltenberg spoke to reporters in Warsaw on Monday [1].", W, "place"),
    ("norway", "What was Stoltenberg's previous job?", "en", "Stoltenberg is a former prime minister of Norway [1].", R, "translated"),
    ("norway", "What does Stoltenberg think about an agreement with Russia?", "en", "He said he knows an agreement can be reached with Russia, notably on arms control [1].", R, "paraphrase"),
    ("norway", "Quand l'OTAN et Moscou doivent-ils se rencontrer ?", "fr", "L'OTAN et Moscou se préparent à se rencontrer mercredi [1].", R, "same"),
    ("norway", "Where did the preliminary talks take place?", "en", "Preliminary talks with Washington were held in Geneva on Sunday [1].", R, "translated"),
    ("norway", "What does Stoltenberg think about an agreement with Russia?", "en", "He said no agreement can be found with Russia [1].", W, "negation"),
    ("norway", "On what could an agreement be found?", "en", "He said an agreement can be found with Russia, notably on energy supplies [1].", W, "content"),
    ("norway", "When will NATO and Moscow meet?", "en", "NATO and Moscow are preparing to meet on Friday [1].", W, "date"),
    ("norway", "What was Stoltenberg's previous job?", "en", "Stoltenberg is a former prime minister of Denmark [1].", W, "place"),
    ("docs", "How many documents did Moscow prepare?", "en", "Moscow prepared two documents, one for NATO and one for US officials [1].", R, "translated"),
    ("docs", "Combien de documents Moscou a-t-il préparés ?", "fr", "Deux : l'un pour l'OTAN, l'autre pour les responsables américains [1].", R, "same"),
    ("docs", "What do the proposals focus on?", "en", "The proposals focus on the movement of military personnel and equipment [1].", R, "translated"),
    ("docs", "How many documents did Moscow prepare?", "en", "Moscow prepared three documents [1].", W, "number"),
    ("docs", "What do the proposals focus on?", "en", "The proposals focus on the movement of civilian personnel and equipment [1].", W, "content"),
    ("docs", "How many documents did Moscow prepare?", "en", "Moscow prepared documents asking for a wide range of assurances [1].", W, "restate"),
    ("lavrov", "What did Lavrov say in November?", "en", "In November, Russian Foreign Minister Sergei Lavrov said past dialogue had proved futile [1].", R, "translated"),
    ("lavrov", "Qu'a dit Sergueï Lavrov ?", "fr", "Selon Lavrov, le bloc militaire cherchait surtout à faire de la propagande et à faire pression sur la Russie [1].", R, "paraphrase"),
    ("lavrov", "When did Lavrov say the dialogue was futile?", "en", "In December, Sergei Lavrov said past dialogue had proved futile [1].", W, "date"),
    ("lavrov", "Who said the dialogue was futile?", "en", "In November, Sergei Shoigu said past dialogue had proved futile [1].", W, "name"),
    ("lavrov", "What did Lavrov say?", "en", "Lavrov said past dialogue had not been futile [1].", W, "negation"),
    ("expel", "How many Russian diplomats were expelled?", "en", "NATO expelled eight Russian diplomats from its Brussels headquarters [1].", R, "translated"),
    ("expel", "Why were they expelled?", "en", "They were suspected of involvement in undisclosed spying, which Russia denies [1].", R, "paraphrase"),
    ("expel", "Quelle a été la réponse de Moscou ?", "fr", "En octobre, Moscou a annoncé la suspension de tous ses liens directs avec l'OTAN et la fermeture de ses bureaux [1].", R, "paraphrase"),
    ("expel", "How many diplomats did NATO expel?", "en", "8 Russian diplomats were expelled [1].", R, "same"),
    ("expel", "How many Russian diplomats were expelled?", "en", "NATO expelled nine Russian diplomats [1].", W, "number"),
    ("expel", "Why were they expelled?", "en", "They were suspected of involvement in an undisclosed cyberattack [1].", W, "content"),
    ("expel", "What did Moscow announce in October?", "en", "Moscow announced it would not suspend its ties with the bloc [1].", W, "negation"),
    ("expel", "How many Russian diplomats were expelled?", "en", "NATO expelled Russian diplomats from its headquarters in Brussels [1].", W, "restate"),
    ("hours", "How long did the meeting last?", "en", "The NATO-Russia Council meeting lasted more than four hours, longer than planned [1].", R, "translated"),
    ("hours", "Combien de temps a duré la réunion ?", "fr", "Plus de quatre heures, davantage que prévu [1].", R, "paraphrase"),
    ("hours", "How did Stoltenberg judge the meeting?", "en", "He found it a useful meeting to try to defuse tensions [1].", R, "paraphrase"),
    ("hours", "How long did the meeting last?", "en", "The meeting lasted more than six hours [1].", W, "number"),
    ("hours", "How did Stoltenberg judge the meeting?", "en", "He found it a useless meeting that increased tensions [1].", W, "content"),
    ("hours", "How long did the meeting last?", "en", "The NATO-Russia Council meeting lasted longer than planned [1].", W, "restate"),
    ("thirty", "Who decides who can join NATO?", "en", "The allies agree that it is for NATO's 30 members and nobody else to decide who may join [1].", R, "translated"),
    ("thirty", "Qui décide de l'adhésion à l'OTAN ?", "fr", "Les 30 membres de l'OTAN, et personne d'autre [1].", R, "same"),
    ("thirty", "Who decides who can join NATO?", "en", "It is for NATO's 27 members and nobody else to decide who may join [1].", W, "number"),
    ("thirty", "Who decides who can join NATO?", "en", "The allies agree that NATO's 30 members cannot decide who may join the alliance [1].", W, "negation"),
    ("vienna3", "Where will the OSCE Permanent Council meet?", "en", "In Vienna, the Austrian capital, on January 13 [1].", R, "translated"),
    ("vienna3", "Where will the OSCE Permanent Council meet?", "en", "In Prague, the Czech capital, on January 13 [1].", W, "place"),
    ("frozen", "Since when had cooperation been frozen?", "en", "Cooperation between Russia and NATO had been frozen since 2014 and was broken off in October 2021 [1].", R, "translated"),
    ("frozen", "Qu'a fait Moscou après l'expulsion ?", "fr", "Moscou a fermé sa représentation auprès de l'Alliance [1].", R, "paraphrase"),
    ("frozen", "Since when had cooperation been frozen?", "en", "Cooperation between Russia and NATO had been frozen since 2016 [1].", W, "date"),
    ("frozen", "What happened to cooperation between Russia and NATO?", "en", "Cooperation between Russia and NATO had been expanding since 2014 [1].", W, "content"),
    ("friday", "What did Stoltenberg say on Friday?", "en", "On Friday, Stoltenberg said NATO was open to hearing Moscow's concerns, but that any move to ease tensions must be reciprocal [1].", R, "translated"),
    ("friday", "After which meeting did he speak?", "en", "He spoke at a press conference after an extraordinary meeting of NATO foreign ministers [1].", R, "paraphrase"),
    ("friday", "Is NATO open to Moscow's concerns?", "en", "Stoltenberg said NATO was not open to hearing Moscow's concerns [1].", W, "negation"),
    ("friday", "After which meeting did he speak?", "en", "He spoke after an extraordinary meeting of NATO defence ministers [1].", W, "content"),
    ("collective", "Is Ukraine covered by NATO's collective defence?", "en", "No: Ukraine is a close partner but not a NATO member, so it is not covered by the collective defence clause [1].", R, "translated"),
    ("collective", "L'Ukraine est-elle protégée par la défense collective de l'OTAN ?", "fr", "Non, car l'Ukraine n'est pas membre de l'OTAN ; c'est un partenaire [1].", R, "same"),
    ("collective", "Is Ukraine covered by NATO's collective defence?", "en", "Yes, Ukraine is covered by NATO's collective defence clause [1].", W, "negation"),
    ("collective", "Does NATO support Ukraine?", "en", "Stoltenberg said NATO does not provide support to Ukraine [1].", W, "negation"),
    ("collective", "Is Ukraine a NATO member?", "en", "Ukraine is a NATO member, so an attack on it invokes collective defence [1].", W, "negation"),
    ("arms", "What is NATO ready for?", "en", "NATO is ready to engage in conventional and nuclear arms control with Russia, provided it is reciprocal [1].", R, "translated"),
    ("arms", "À quelle condition l'OTAN accepte-t-elle la maîtrise des armements ?", "fr", "Elle doit être réciproque, a dit Stoltenberg [1].", R, "paraphrase"),
    ("arms", "What is NATO ready for?", "en", "NATO is ready to engage in chemical arms control with Russia [1].", W, "content"),
    ("arms", "What is NATO ready to accept?", "en", "NATO is ready to accept unilateral restrictions on its members [1].", W, "content"),
    ("first2019", "When did the NRC last meet?", "en", "The January 12 meeting is the first NATO-Russia Council meeting since 2019 [1].", R, "translated"),
    ("first2019", "Où commencent les pourparlers américano-russes ?", "fr", "À Genève, le 10 janvier [1].", R, "same"),
    ("first2019", "How did NATO diplomats meet?", "en", "NATO's senior diplomats met at an online summit [1].", R, "translated"),
    ("first2019", "When did the NRC last meet?", "en", "It is the first NATO-Russia Council meeting since 2017 [1].", W, "date"),
    ("first2019", "Where do the US-Russia talks begin?", "en", "The US-Russia talks are to begin in Vienna on January 10 [1].", W, "place"),
    ("first2019", "How did NATO diplomats meet?", "en", "NATO's senior diplomats met at an in-person summit [1].", W, "content"),
    ("first2019", "When do the US-Russia talks begin?", "en", "The US-Russia talks begin in Geneva on January 12 [1].", W, "date"),
    (("first2019", "spy"), "Where were the two rounds of talks held?", "en", "US-Russia talks started in Geneva on January 10 [1], and the NATO-Russia Council met in Brussels on January 12 [2].", R, "translated"),
    (("first2019", "spy"), "Where were the two rounds of talks held?", "en", "US-Russia talks started in Vienna on January 10 [1], and the NATO-Russia Council met in Brussels on January 12 [2].", W, "place"),
    ("pmsmp_dur", "Quelle est la durée maximale d'une PMSMP ?", "fr", "Une PMSMP dure au maximum un mois, de date à date [1].", R, "same"),
    ("pmsmp_dur", "How long can a PMSMP last?", "en", "Each work-placement period (PMSMP) may not exceed one month [1].", R, "translated"),
    ("pmsmp_dur", "Quelle part du contrat les PMSMP peuvent-elles représenter ?", "fr", "Au total, pas plus de 25 % de la durée du contrat [1].", R, "paraphrase"),
    ("pmsmp_dur", "Quelle est la durée maximale d'une PMSMP ?", "fr", "Une PMSMP dure au maximum deux mois [1].", W, "number"),
    ("pmsmp_dur", "Quelle part du contrat les PMSMP peuvent-elles représenter ?", "fr", "Les PMSMP ne peuvent pas dépasser 50 % de la durée du contrat [1].", W, "number"),
    ("pmsmp_dur", "Quelle est la durée maximale d'une PMSMP ?", "fr", "La durée d'une PMSMP est limitée [1].", W, "restate"),
    ("pmsmp_refuse", "Un salarié peut-il refuser une PMSMP ?", "fr", "Oui, le salarié n'est pas obligé d'accepter une PMSMP et ne peut pas être sanctionné pour l'avoir refusée [1].", R, "paraphrase"),
    ("pmsmp_refuse", "Can an employee refuse a PMSMP?", "en", "Yes. The employee is not required to accept it and cannot be sanctioned or dismissed for refusing [1].", R, "translated"),
    ("pmsmp_refuse", "Un salarié peut-il refuser une PMSMP ?", "fr", "Non, le salarié est tenu d'accepter une PMSMP [1].", W, "negation"),
    ("pmsmp_refuse", "Can an employee refuse a PMSMP?", "en", "An employee who refuses a PMSMP can be dismissed [1].", W, "negation"),
    ("copro", "Qu'est-ce que la majorité absolue en copropriété ?", "fr", "C'est la majorité des voix de tous les copropriétaires, présents, représentés et absents (article 25) [1].", R, "same"),
    ("copro", "When can a second vote take place?", "en", "A second vote at simple majority can be held immediately if the project got at least a third of all co-owners' votes, otherwise within 3 months at a new general meeting [1].", R, "translated"),
    ("copro", "When can a second vote take place?", "en", "If the project got less than a third of the votes, a second vote can be held within 6 months at a new general meeting [1].", W, "number"),
    ("copro", "Qu'est-ce que la majorité absolue en copropriété ?", "fr", "La majorité absolue correspond à la majorité des voix des seuls copropriétaires présents [1].", W, "content"),
    ("metal", "Quelle amende risque un professionnel qui n'affiche pas le prix ?", "fr", "Jusqu'à 3 000 €, ou 15 000 € pour une personne morale [1].", R, "same"),
    ("metal", "What is the fine for not displaying the price?", "en", "Up to €3,000, or €15,000 for a company [1].", R, "translated"),
    ("metal", "What is the fine for not displaying the price?", "en", "Up to €5,000, or €15,000 for a company [1].", W, "number"),
    ("metal", "Quel prix le professionnel doit-il afficher ?", "fr", "Le professionnel doit afficher le prix de vente de ses bijoux [1].", W, "content"),
    ("metal", "What is the fine for not displaying the price?", "en", "A professional who does not display the price can be fined [1].", W, "restate"),
    ("cec", "À partir de quel âge peut-on avoir un CEC ?", "fr", "Dès 16 ans, ou 15 ans pour un jeune sous contrat d'apprentissage [1].", R, "same"),
    ("cec", "From what age can you have a citizen engagement account?", "en", "From age 16, or 15 for young people with an apprenticeship contract [1].", R, "translated"),
    ("cec12", "How were the hours converted?", "en", "Hours earned by 31 December 2018 were converted into euros at €12 per hour [1].", R, "translated"),
    ("cec", "À partir de quel âge peut-on avoir un CEC ?", "fr", "Dès 18 ans [1].", W, "number"),
    ("cec12", "How were the hours converted?", "en", "Hours earned by 31 December 2019 were converted into euros at €12 per hour [1].", W, "date"),
    ("cec", "Le CEC reste-t-il ouvert ?", "fr", "Non, le CEC ne reste pas ouvert tout au long de la vie [1].", W, "negation"),
    ("bail", "Quelle est la durée minimale d'un bail meublé classique ?", "fr", "Un an minimum, ou 9 mois si le locataire est étudiant [1].", R, "same"),
    ("bail", "How long can a mobility lease last?", "en", "A mobility lease lasts between 1 and 10 months [1].", R, "translated"),
    ("bail", "Quelle est la durée minimale d'un bail meublé classique ?", "fr", "Un an minimum, ou 6 mois si le locataire est étudiant [1].", W, "number"),
    ("bail", "How long can a mobility lease last?", "en", "A mobility lease lasts between 1 and 12 months [1].", W, "number"),
    ("court", "When were the courts closed?", "en", "Because of Covid-19, courts were closed from Monday, March 16, 2020, except for essential cases [1].", R, "translated"),
    ("court", "Depuis quand les tribunaux reprennent-ils leur activité ?", "fr", "Depuis le 11 mai 2020, progressivement [1].", R, "same"),
    ("court", "When were the courts closed?", "en", "Courts were closed from Monday, March 17, 2020 [1].", W, "date"),
    ("court", "Les tribunaux reprennent-ils leur activité ?", "fr", "Depuis le 11 mai 2020, les tribunaux ne reprennent pas leur activité [1].", W, "negation"),
    ("court", "When were the courts closed?", "en", "Courts were closed because of the spread of Covid-19 [1].", W, "restate"),
    ("stage", "Which internships count for retirement?", "en", "Internships that started after March 14, 2015, lasted 2 months in the same academic year and were paid a stipend [1].", R, "translated"),
    ("stage", "Quelle durée de stage faut-il ?", "fr", "Le stage doit durer 2 mois, consécutifs ou non, sur une même année scolaire ou universitaire [1].", R, "same"),
    ("stage", "Which internships count for retirement?", "en", "Internships that started after March 14, 2016 and lasted 2 months [1].", W, "date"),
    ("stage", "Quelle durée de stage faut-il ?", "fr", "Le stage doit durer 3 mois sur une même année scolaire [1].", W, "number"),
    ("stage2", "What is the deadline to apply?", "en", "You must apply within 2 years after the internship ends [1].", R, "translated"),
    ("stage2", "Où faire la demande si on habite dans un DOM ?", "fr", "À la caisse générale de sécurité sociale (CGSS) de son lieu de résidence [1].", R, "same"),
    ("stage2", "What is the deadline to apply?", "en", "You must apply within 5 years after the internship ends [1].", W, "number"),
    ("stage2", "Where do you apply if you live in an overseas department?", "en", "If you live in an overseas department, you apply to the Carsat Normandie [1].", W, "place"),
    ("tractor", "Quelles remorques agricoles doivent être immatriculées ?", "fr", "Les véhicules agricoles remorqués dont le PTAC dépasse 1,5 tonne [1].", R, "same"),
    ("tractor", "Which towed farm vehicles must be registered?", "en", "Towed agricultural vehicles with a gross vehicle weight rating over 1.5 tonnes [1].", R, "translated"),
    ("tractor", "Which towed farm vehicles must be registered?", "en", "Towed agricultural vehicles over 3.5 tonnes [1].", W, "number"),
    ("mediation", "La médiation est-elle obligatoire en cas de violences ?", "fr", "Non, l'obligation de tentative de médiation ne s'applique pas en cas de violences sur un parent ou sur l'enfant [1].", R, "same"),
    ("mediation", "Is mediation mandatory when there has been violence?", "en", "No: the mandatory mediation attempt does not apply if violence was committed against a parent or the child [1].", R, "translated"),
    ("mediation", "Which courts take part in the experiment?", "en", "Courts in Bayonne, Bordeaux, Cherbourg-en-Cotentin, Évry, Nantes, Nîmes, Montpellier, Pontoise, Rennes, Saint-Denis and Tours [1].", R, "same"),
    ("mediation", "Which courts take part in the experiment?", "en", "Courts in Bayonne, Bordeaux, Lyon and Nantes [1].", W, "place"),
    ("mediation", "Is mediation mandatory when there has been violence?", "en", "Yes, the mandatory mediation attempt also applies when violence was committed [1].", W, "negation"),
    ("mediation", "La médiation est-elle obligatoire en cas de violences ?", "fr", "Oui, la médiation reste obligatoire même en cas de violences [1].", W, "negation"),
]


def build() -> list[dict]:
    """The set's rows, with a seeded stratified dev/test split."""
    rows = []
    for i, (keys, question, lang, answer, label, kind) in enumerate(ITEMS, 1):
        keys = (keys,) if isinstance(keys, str) else keys
        rows.append({"id": f"vs-{i:03d}", "question": question, "lang": lang, "answer": answer,
                     "passages": [P[k] for k in keys], "label": label, "kind": kind})
    rng = random.Random(20260127)
    strata: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        strata.setdefault((row["label"], row["kind"]), []).append(row)
    for key in sorted(strata):
        group = strata[key]
        rng.shuffle(group)
        first = rng.choice(["dev", "test"])
        for j, row in enumerate(group):
            row["split"] = first if j % 2 == 0 else ("test" if first == "dev" else "dev")
    return rows


if __name__ == "__main__":
    out = ROOT / "eval/verifier_set.jsonl"
    rows = build()
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    from collections import Counter
    print(len(rows), Counter((r["label"], r["split"]) for r in rows))
    print(Counter((r["label"], r["kind"]) for r in rows))
