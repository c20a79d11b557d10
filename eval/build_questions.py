"""Build eval/questions.jsonl: new questions over the bundled articles, split dev/test.

The questions are written here by hand, each checked against its article: `support` is a
clause of the article that holds the answer (verified to occur verbatim, straight and curly
apostrophes reconciled with the article's own), `model_answer` the sentence a strong model
would write (verified to match the gold `answers`). The dev/test split is a seeded shuffle
stratified by kind and language, fixed before any tuning: `python eval/build_questions.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from setbuild import A, F, U, write_set

ART = {"A0": "000_4c87ad4ae081205e", "A1": "001_b87862fe20c5abbc", "A2": "002_85891643ce0add6f",
       "A3": "003_68e267308a442c64", "A4": "004_5f190587812ef943"}
JAN = ["january", "janvier", "jan"]

QUESTIONS = [
    # -- dates ---------------------------------------------------------------------------
    A("date", "en", "On what date did a NATO official say that Stoltenberg had planned a special "
      "meeting with senior Russian officials?", [["4"], JAN], ["A1"],
      "a déclaré un responsable de l'OTAN mardi 4 janvier",
      "A NATO official announced it on Tuesday, 4 January."),
    A("date", "en", "When did Sergei Lavrov say that the past dialogue with NATO had proved "
      "futile?", [["november", "novembre", "nov"]], ["A2"],
      "En novembre, le ministre russe des Affaires étrangères Sergueï Lavrov a déclaré que le "
      "dialogue passé entre les deux hommes s'était avéré futile",
      "Sergei Lavrov said it in November."),
    A("date", "fr", "Quel jour de la semaine l'OTAN et Moscou se préparaient-elles à se "
      "rencontrer ?", [["mercredi", "wednesday"]], ["A2"],
      "l'OTAN et Moscou se préparent à se rencontrer mercredi",
      "L'OTAN et la Russie se préparaient à se rencontrer mercredi."),
    A("date", "en", "On what date was the OSCE Permanent Council due to debate the situation in "
      "Ukraine?", [["13"], JAN], ["A3", "A1", "A2"],
      "Cette question devrait être débattue le 13 janvier lors d’une réunion du Conseil "
      "permanent de l’Organisation pour la sécurité et la coopération en Europe (OSCE)",
      "The OSCE Permanent Council was due to discuss it on 13 January."),
    A("date", "fr", "Quand les ministres des Affaires étrangères de l'UE doivent-ils discuter "
      "de leurs prochaines étapes ?", [["plus tard", "later", "fin janvier", "late january",
                                        "end of january"], JAN], ["A1"],
      "Les ministres des Affaires étrangères de l'UE devraient discuter de leurs prochaines "
      "étapes plus tard en janvier.",
      "Les ministres des Affaires étrangères de l'UE doivent en discuter plus tard en janvier."),
    A("date", "en", "When did Vladimir Putin hold his annual press conference?",
      [["last week", "semaine derniere", "previous week", "week before"]], ["A0"],
      "le président russe Vladimir Poutine a souligné lors de sa conférence de presse annuelle "
      "la semaine dernière",
      "Vladimir Putin held his annual press conference the week before, according to the "
      "article (last week)."),
    A("date", "fr", "Quand le forum du Conseil OTAN-Russie a-t-il semblé en danger ?",
      [["octobre", "october", "oct"]], ["A1"],
      "le forum semblait en danger après un différend d'espionnage en octobre",
      "Le forum a semblé menacé après un différend d'espionnage en octobre."),
    # -- places --------------------------------------------------------------------------
    A("place", "en", "In which city did NATO foreign ministers meet at the end of November "
      "2021?", [["riga"]], ["A1"],
      "une réunion des ministres des Affaires étrangères de l'Alliance à Riga, en Lettonie, le "
      "30 novembre 2021",
      "They met in Riga, Latvia, on 30 November 2021."),
    A("place", "fr", "Dans quelle ville se trouve le siège de l'OTAN d'où les diplomates russes "
      "ont été expulsés ?", [["bruxelles", "brussels"]], ["A2"],
      "l'expulsion par l'organisation de huit diplomates russes de son siège à Bruxelles",
      "Le siège de l'OTAN d'où ils ont été expulsés se trouve à Bruxelles."),
    A("place", "en", "From which continent does Russia want US nuclear weapons withdrawn?",
      [["europe"]], ["A0"],
      "le retrait des armes nucléaires américaines d’Europe",
      "Russia wants American nuclear weapons withdrawn from Europe."),
    A("place", "fr", "Où les diplomates de haut niveau des pays de l'OTAN se sont-ils réunis "
      "avant les pourparlers américano-russes ?",
      [["en ligne", "online", "virtuel", "virtual", "visioconference"]], ["A4"],
      "Des diplomates de haut niveau des pays de l'OTAN se sont réunis pour un sommet en ligne",
      "Ils se sont réunis en ligne, lors d'un sommet virtuel."),
    A("place", "fr", "Dans quelle ville Stoltenberg s'est-il exprimé devant les journalistes "
      "en disant qu'un accord peut être trouvé avec la Russie ?",
      [["bruxelles", "brussels"]], ["A2"],
      "S'exprimant lundi à Bruxelles, Jens Stoltenberg a déclaré aux journalistes",
      "Il s'est exprimé à Bruxelles."),
    A("place", "en", "In which direction does Russia want NATO to stop advancing?",
      [["east", "eastward", "eastwards", "l'est", "l’est", "vers l'est", "vers l’est"]],
      ["A0", "A1"],
      "qui empêchent l’OTAN d’avancer vers l’est",
      "Russia wants guarantees that NATO will stop advancing eastward."),
    # -- people --------------------------------------------------------------------------
    A("person", "en", "Which agency reported that Moscow had received an offer from Brussels "
      "about the Russia-NATO Council meeting?", [["tass"]], ["A0"],
      "comme l’a rapporté TASS",
      "It was reported by the TASS news agency."),
    A("person", "fr", "Qui a réitéré que la Russie était prête à un dialogue direct sur les "
      "propositions de garanties de sécurité ?", [["zakharova"]], ["A0"],
      "Le diplomate a également réitéré que la Russie était prête à un dialogue direct sur les "
      "propositions de garanties de sécurité",
      "C'est Maria Zakharova, porte-parole de la diplomatie russe, qui l'a réitéré."),
    A("person", "en", "Whose administration said that some of Russia's security proposals were "
      "clearly unacceptable?", [["biden"]], ["A0"],
      "L’administration du président américain Joe Biden a déclaré que certaines des "
      "propositions de sécurité de la Russie étaient clairement inacceptables",
      "It was the administration of US President Joe Biden."),
    A("person", "fr", "Qui a décidé de tenir une réunion du Conseil OTAN-Russie le 12 janvier, "
      "selon l'agence Anadolu ?", [["stoltenberg"]], ["A0"],
      "Le secrétaire général de l’OTAN, Jens Stoltenberg, a décidé de tenir une réunion du "
      "Conseil OTAN-Russie (NRC) le 12 janvier",
      "C'est le secrétaire général de l'OTAN, Jens Stoltenberg, qui l'a décidé."),
    # -- numbers -------------------------------------------------------------------------
    A("number", "en", "How many NATO members do the allies say decide who can join the "
      "alliance?", [["30", "thirty", "trente"]], ["A3"],
      "il appartient aux 30 membres de l’OTAN et à personne d’autre de décider qui peut ou ne "
      "peut pas rejoindre l’alliance",
      "The allies say it is up to the 30 NATO members, and no one else, to decide."),
    A("number", "fr", "Combien de documents Moscou a-t-elle préparés le mois dernier ?",
      [["deux", "2", "two"]], ["A2"],
      "Le mois dernier, Moscou a préparé deux documents",
      "Moscou a préparé deux documents, l'un pour l'OTAN et l'autre pour les responsables "
      "américains."),
    A("number", "en", "How long was Josep Borrell's trip to Ukraine?",
      [["two", "2", "deux"], ["day", "days", "jour", "jours"]], ["A1"],
      "Josep Borrell, s'est rendu mardi en Ukraine pour un voyage de deux jours",
      "Josep Borrell went to Ukraine for a two-day trip."),
    A("number", "fr", "Combien de séries de pourparlers Stoltenberg a-t-il annoncées pour "
      "cette semaine-là ?", [["trois", "3", "three"]], ["A2"],
      "le 12 janvier au Conseil Russie-OTAN, aujourd'hui à Genève entre les Etats-Unis et la "
      "Russie, et plus tard (13 janvier) à l'OSCE",
      "Il en a annoncé trois : au Conseil OTAN-Russie, à Genève entre les États-Unis et la "
      "Russie, et à l'OSCE à Vienne."),
    # -- definitions ---------------------------------------------------------------------
    A("definition", "en", "Who is Wendy Sherman?",
      [["deputy secretary", "vice-secretaire", "vice secretaire"]], ["A1"],
      "la vice-secrétaire d'État américaine Wendy Sherman",
      "Wendy Sherman is the US Deputy Secretary of State."),
    A("definition", "en", "Who is Dmytro Kuleba?",
      [["foreign minister", "minister of foreign affairs", "foreign affairs minister",
        "ministre ukrainien des affaires etrangeres", "ministre des affaires etrangeres"]],
      ["A1"],
      "du ministre ukrainien des Affaires étrangères Dmytro Kuleba",
      "Dmytro Kuleba is Ukraine's foreign minister."),
    A("definition", "fr", "Qu'est-ce que l'OSCE ?",
      [["organisation pour la securite et la cooperation en europe",
        "organization for security and co-operation in europe",
        "organization for security and cooperation in europe"]], ["A1", "A2", "A3"],
      "l'Organisation pour la sécurité et la coopération en Europe (OSCE), basée à Vienne",
      "L'OSCE est l'Organisation pour la sécurité et la coopération en Europe, basée à "
      "Vienne."),
    A("definition", "fr", "Qui est Sergueï Ryabkov ?",
      [["vice-ministre", "vice ministre", "deputy foreign minister", "deputy minister",
        "ministre adjoint"]], ["A1"],
      "Le vice-ministre russe des Affaires étrangères Sergueï Ryabkov",
      "Sergueï Riabkov est le vice-ministre russe des Affaires étrangères."),
    A("definition", "fr", "Qui est Vladimir Poutine ?",
      [["president"], ["russ*", "kremlin"]], ["A0"],
      "le président russe Vladimir Poutine",
      "Vladimir Poutine est le président de la Russie."),
    A("definition", "en", "What is the NRC?",
      [["nato-russia council", "nato russia council", "russia-nato council",
        "conseil otan-russie", "conseil russie-otan"]], ["A0"],
      "une réunion du Conseil OTAN-Russie (NRC)",
      "The NRC is the NATO-Russia Council."),
    A("definition", "en", "What is the G7?",
      [["group of seven", "groupe des sept", "group of 7"]], ["A0"],
      "le Groupe des Sept (G7)",
      "The G7 is the Group of Seven."),
    # -- lists ---------------------------------------------------------------------------
    A("list", "en", "With which two countries does Moscow want NATO to end military "
      "cooperation?", [["ukrain*"], ["georgia", "georgie"]], ["A1"],
      "mettra fin à la coopération militaire avec l'Ukraine et la Géorgie",
      "Moscow wants NATO to end its military cooperation with Ukraine and Georgia."),
    A("list", "fr", "Qui a averti Poutine de « graves conséquences » en cas de reprise de "
      "l'agression russe ?",
      [["etats-unis", "etats unis", "united states", "washington", "us"],
       ["union europeenne", "ue", "eu", "european union"],
       ["g7", "groupe des sept", "group of seven"]], ["A0"],
      "Les États-Unis, l’Union européenne et le Groupe des Sept (G7) ont averti Poutine",
      "Les États-Unis, l'Union européenne et le G7 ont averti Poutine."),
    A("list", "en", "Which kinds of arms control is NATO ready to engage in with Russia?",
      [["conventional", "conventionnelle"], ["nuclear", "nucleaire"]], ["A4"],
      "Nous sommes prêts à nous engager dans une maîtrise des armements avec la Russie, "
      "conventionnelle et nucléaire, mais cela doit être réciproque",
      "NATO is ready to engage in both conventional and nuclear arms control, provided it is "
      "reciprocal."),
    A("list", "fr", "Qu'est-ce que Moscou veut que Washington et ses alliés acceptent, selon "
      "ses propositions ?",
      [["expansion", "elargissement", "enlargement"], ["post-soviet*", "ex-soviet*"],
       ["missile*"]], ["A2"],
      "Moscou veut que Washington et ses alliés acceptent d'abandonner l'expansion de l'OTAN, "
      "de mettre fin à la coopération militaire avec les pays post-soviétiques et de retirer "
      "les troupes et les missiles du bloc de la frontière russe",
      "Moscou veut qu'ils renoncent à l'expansion de l'OTAN, cessent la coopération militaire "
      "avec les pays post-soviétiques et retirent les troupes et missiles de l'Alliance de la "
      "frontière russe."),
    A("list", "fr", "Outre la Russie et l'Ukraine, qui fait partie de l'OSCE selon l'article ?",
      [["etats-unis", "etats unis", "united states", "us"], ["allies"], ["sovieti*", "soviet"]],
      ["A1"],
      "qui comprend les États-Unis et leurs alliés de l'OTAN, ainsi que la Russie, l'Ukraine et "
      "d'autres anciens États soviétiques",
      "L'OSCE comprend aussi les États-Unis et leurs alliés de l'OTAN, ainsi que d'autres "
      "anciens États soviétiques."),
    A("list", "en", "On what do Moscow's proposals focus?",
      [["personnel"], ["materiel", "equipment", "hardware", "materiel"]], ["A2"],
      "Les propositions se concentrent sur le mouvement du personnel militaire et du matériel",
      "The proposals focus on the movement of military personnel and equipment."),
    # -- last / first since ------------------------------------------------------------------
    A("since", "en", "When did the NATO-Russia Council last meet before its meeting of "
      "12 January?", [["2019"]], ["A4"],
      "Une réunion du Conseil OTAN-Russie, la première depuis 2019, devrait avoir lieu le 12 "
      "janvier.",
      "The last NATO-Russia Council meeting before that one was in 2019."),
    A("since", "fr", "Depuis quand la coopération entre la Russie et l'OTAN était-elle gelée ?",
      [["2014"]], ["A3"],
      "la coopération entre la Russie et l’OTAN était gelée depuis 2014",
      "La coopération entre la Russie et l'OTAN était gelée depuis 2014."),
    A("since", "en", "For how long had the alliance been asking for a NATO-Russia Council "
      "meeting?", [["months", "mois"]], ["A1"],
      "l'alliance militaire occidentale a demandé une réunion du Conseil OTAN-Russie depuis des "
      "mois",
      "The alliance had been asking for such a meeting for months."),
    # -- comparisons ---------------------------------------------------------------------
    A("comparison", "fr", "À quel événement historique l'escalade a-t-elle été comparée ?",
      [["cuba*", "cubain*"], ["missile*"]], ["A0"],
      "Il l’a comparé à la crise des missiles cubains de 1962",
      "Elle a été comparée à la crise des missiles de Cuba de 1962."),
    A("comparison", "en", "Compared to what was planned, how long did the NATO-Russia Council "
      "meeting last?", [["longer", "plus longtemps"]], ["A3"],
      "la réunion du Conseil OTAN-Russie qui a duré plus longtemps que prévu",
      "The meeting lasted longer than planned, more than four hours."),
    A("comparison", "en", "In what broader framework were the talks to continue after the "
      "Brussels meeting?",
      [["osce", "organization for security", "organisation pour la securite"]], ["A1"],
      "les pourparlers se poursuivront dans le cadre plus large de l'Organisation pour la "
      "sécurité et la coopération en Europe (OSCE)",
      "They were to continue in the broader framework of the Organization for Security and "
      "Co-operation in Europe (OSCE)."),
    # -- descriptions quoted -------------------------------------------------------------
    A("quote", "en", "How did the EU spokesperson describe Ukraine?",
      [["strategic partner", "partenaire strategique"]], ["A1"],
      "L'Union européenne considère l'Ukraine comme un \"partenaire stratégique\"",
      "The EU spokesperson described Ukraine as a \"strategic partner\"."),
    A("quote", "fr", "Comment Stoltenberg a-t-il qualifié le risque de conflit ?",
      [["reel", "real"]], ["A4", "A3"],
      "« Le risque de conflit est réel.",
      "Il a déclaré que le risque de conflit est « réel »."),
    A("quote", "en", "How did Stoltenberg describe Moscow's willingness to engage in security "
      "talks?", [["positive signal", "signal positif"]], ["A2"],
      "le bloc voit un « signal positif » dans la disposition de Moscou à engager des "
      "conversations sur la sécurité",
      "He said NATO saw it as a \"positive signal\"."),
    A("quote", "fr", "Comment Stoltenberg a-t-il décrit la discussion au Conseil OTAN-Russie ?",
      [["franche", "frank", "candid"], ["ouverte", "open"]], ["A3"],
      "Selon Stoltenberg, la discussion a été franche et ouverte",
      "Selon Stoltenberg, la discussion a été franche et ouverte."),
    A("quote", "fr", "Selon un porte-parole de l'UE, quel rôle Borrell estime-t-il que l'UE ne "
      "peut pas jouer dans les négociations ?",
      [["spectateur neutre", "neutral spectator", "neutral bystander", "neutral onlooker"]],
      ["A1"],
      "l'UE ne peut pas être un spectateur neutre dans les négociations",
      "Borrell estime que l'UE ne peut pas être un « spectateur neutre » dans les "
      "négociations."),
    A("quote", "en", "How did Stoltenberg describe Russia's actions when he warned about "
      "security in Europe?", [["aggressive", "agressive*"]], ["A4"],
      "Les actions agressives de la Russie portent gravement atteinte à l'ordre sécuritaire en "
      "Europe",
      "He called them aggressive actions that seriously undermine the security order in "
      "Europe."),
    A("quote", "en", "What kind of NATO members did Stoltenberg say the alliance cannot end up "
      "with?", [["second class", "second-class", "seconde classe", "second-tier",
                 "second tier"]], ["A4"],
      "nous ne pouvons pas nous retrouver dans une situation où nous avons des membres de "
      "l'OTAN de seconde classe",
      "He said NATO cannot end up with \"second-class\" members it is not allowed to "
      "protect."),
    # -- yes / no ------------------------------------------------------------------------
    A("yesno", "en", "Is Ukraine a member of NATO?",
      [["no", "not a member", "is not a member", "isn't a member", "pas membre", "non"]],
      ["A4"],
      "l'Ukraine n'est pas membre de l'OTAN et une attaque contre elle n'invoque pas la défense "
      "collective du bloc",
      "No, Ukraine is not a member of NATO; it is a partner."),
    A("yesno", "fr", "L'OTAN veut-elle entrer en guerre avec la Russie à propos de l'Ukraine ?",
      [["non", "no", "pas desireuse", "ne veut pas", "not eager", "does not want"]], ["A4"],
      "l'OTAN n'était pas désireuse d'entrer en guerre avec la Russie à propos de l'Ukraine",
      "Non, l'OTAN ne veut pas entrer en guerre avec la Russie à propos de l'Ukraine."),
    A("yesno", "fr", "Selon Stoltenberg, les États-Unis feront-ils des concessions à la Russie "
      "au détriment de leurs alliés européens ?",
      [["non", "no", "aucune concession", "no concession*", "pas de concession*", "will not",
        "won't"]], ["A4"],
      "les États-Unis ne feront aucune concession à la Russie au détriment de ses alliés "
      "européens",
      "Non, il est convaincu que les États-Unis ne feront aucune concession au détriment des "
      "alliés européens."),
    A("yesno", "fr", "L'Ukraine aspire-t-elle à rejoindre l'Union européenne ?",
      [["oui", "yes", "aspire*"]], ["A1"],
      "Kiev, qui aspire à rejoindre le bloc et l'OTAN",
      "Oui, Kiev aspire à rejoindre l'Union européenne et l'OTAN."),
    A("yesno", "en", "Did the NATO-Russia Council meeting resolve the differences between the "
      "two sides?",
      [["no", "non", "deep differences", "profound differences", "divergences profondes",
        "deep divergences", "deep disagreements"]], ["A3"],
      "Les alliés de l’OTAN et de la Russie ont vérifié qu’ils maintenaient des divergences "
      "profondes",
      "No, the two sides found that they still had deep differences."),
    A("yesno", "en", "Is NATO open to listening to Moscow's concerns?",
      [["yes", "oui", "open to", "ouverte a"]], ["A4"],
      "L'OTAN est ouverte à l'écoute des préoccupations de Moscou",
      "Yes, NATO is open to listening to Moscow's concerns, as long as it is reciprocal."),
    # -- why / how -----------------------------------------------------------------------
    A("whyhow", "fr", "Pourquoi l'OTAN a-t-elle expulsé huit diplomates russes ?",
      [["espionnage", "espionage", "espion*", "spying"]], ["A2", "A1"],
      "soupçonnés d'être impliqués dans un \"espionnage\" non divulgué",
      "Parce qu'ils étaient soupçonnés d'être impliqués dans des activités d'espionnage."),
    A("whyhow", "en", "Why did Josep Borrell travel to Ukraine?",
      [["support", "soutien"]], ["A1"],
      "afin de montrer son soutien à Kiev",
      "He went to Ukraine to show his support for Kyiv."),
    A("whyhow", "fr", "Pourquoi le Conseil Russie-OTAN a-t-il été réactivé ?",
      [["frontiere", "border"]], ["A3"],
      "Le Conseil Russie-OTAN a été réactivé face à la situation générée à la frontière "
      "russo-ukrainienne",
      "Il a été réactivé face à la situation à la frontière russo-ukrainienne."),
    A("whyhow", "en", "How does the Kremlin justify the movement of its troops?",
      [["internal", "interieure", "domestic", "own territory", "propre territoire"]], ["A4"],
      "tout mouvement de troupes sur son propre territoire est strictement son affaire "
      "intérieure",
      "The Kremlin says that any troop movement on its own territory is strictly its internal "
      "affair."),
    A("whyhow", "fr", "Pourquoi la réunion du Conseil OTAN-Russie a-t-elle été jugée utile ?",
      [["desamorcer", "apaiser", "reduire", "defuse", "ease", "de-escalate"], ["tension*"]],
      ["A3"],
      "il s’agissait d’une réunion utile pour tenter de désamorcer les tensions",
      "Elle a été jugée utile pour tenter de désamorcer les tensions."),
    A("whyhow", "en", "According to Russia, what led to the escalation of the standoff?",
      [["growing", "croissante*", "closer", "increasing", "deepening"],
       ["relation*", "ties"]], ["A0"],
      "ce sont les relations croissantes de l’Ukraine avec l’OTAN qui ont conduit à l’escalade "
      "de l’impasse",
      "Russia says Ukraine's growing ties with NATO led to the escalation."),
]

FOLLOW_UPS = [
    F("en", [("What is the date of the NATO-Russia Council meeting?",
              "It is scheduled for 12 January.")],
      "And in which city?", "In which city will the NATO-Russia Council meet on 12 January?",
      [["brussels", "bruxelles"]], ["A1"],
      "aura lieu à Bruxelles le 12 janvier",
      "The NATO-Russia Council meets in Brussels."),
    F("fr", [("Qui a reçu le document du traité russe sur les garanties de sécurité ?",
              "Karen Donfried, secrétaire d'État adjointe américaine aux Affaires européennes "
              "et eurasiennes.")],
      "Et quel jour l'a-t-elle reçu ?",
      "Quel jour Karen Donfried a-t-elle reçu le document du traité russe ?",
      [["15"], ["decembre", "december", "dec"]], ["A0"],
      "Le document du traité a été remis à la secrétaire d’État adjointe américaine aux "
      "Affaires européennes et eurasiennes, Karen Donfried, le 15 décembre.",
      "Karen Donfried a reçu le document le 15 décembre."),
    F("en", [("Which Russian deputy foreign minister was expected at the Brussels talks?",
              "Sergei Ryabkov, along with other senior Russian officials.")],
      "Whom had he met in Geneva before that?",
      "Whom did Sergei Ryabkov meet in Geneva before the Brussels talks?",
      [["sherman"]], ["A1"],
      "après avoir rencontré la vice-secrétaire d'État américaine Wendy Sherman à Genève",
      "He had met US Deputy Secretary of State Wendy Sherman in Geneva."),
    F("fr", [("Qui est Josep Borrell ?", "Le plus haut diplomate de l'Union européenne.")],
      "Avec qui visitera-t-il la ligne de contact ?",
      "Avec qui Josep Borrell visitera-t-il la ligne de contact en Ukraine ?",
      [["kuleba"]], ["A1"],
      "Borrell, accompagné du ministre ukrainien des Affaires étrangères Dmytro Kuleba, "
      "visitera la ligne de contact",
      "Il la visitera avec le ministre ukrainien des Affaires étrangères, Dmytro Kouleba "
      "(Kuleba)."),
    F("en", [("Which Russian minister said the past dialogue with NATO had proved futile?",
              "Sergei Lavrov, Russia's foreign minister.")],
      "According to him, what was the military bloc more interested in?",
      "According to Sergei Lavrov, what was NATO more interested in than dialogue?",
      [["propaganda", "propagande"]], ["A2"],
      "le bloc militaire était plus intéressé par « faire de la propagande et faire pression sur "
      "la Russie »",
      "He said NATO was more interested in making propaganda and putting pressure on Russia."),
    F("fr", [("Qu'a annoncé Moscou en octobre au sujet de ses liens avec l'OTAN ?",
              "Moscou a annoncé qu'elle suspendrait tous ses liens bilatéraux directs avec "
              "l'OTAN et fermerait ses bureaux.")],
      "Pourquoi a-t-elle pris cette décision ?",
      "Pourquoi Moscou a-t-elle suspendu ses liens directs avec l'OTAN en octobre ?",
      [["expuls*", "expel*"]], ["A2", "A3"],
      "Cette décision est intervenue en réponse à l'expulsion par l'organisation de huit "
      "diplomates russes",
      "C'était en réponse à l'expulsion de huit diplomates russes par l'OTAN."),
    F("en", [("What did the West warn Putin of in case of renewed Russian aggression?",
              "Of serious consequences.")],
      "Such as what?",
      "What consequences did the West warn Putin of in case of renewed Russian aggression?",
      [["sanction*"]], ["A0"],
      "notamment des sanctions économiques sévères en cas de reprise de l’agression russe",
      "Notably severe economic sanctions."),
    F("fr", [("Quelle proposition l'OTAN a-t-elle faite à Moscou, selon Stoltenberg mardi ?",
              "Tenir une réunion du Conseil OTAN-Russie au début de 2022.")],
      "Pour discuter de quoi ?",
      "Pour discuter de quoi l'OTAN a-t-elle proposé une réunion du Conseil OTAN-Russie début "
      "2022 ?",
      [["ukrain*"]], ["A0"],
      "pour discuter des développements en Ukraine",
      "Pour discuter de l'évolution de la situation en Ukraine."),
    F("en", [("Which agency announced that Stoltenberg had decided to hold the NRC meeting?",
              "The Anadolu agency, citing a source within the alliance.")],
      "On which day did it announce it?",
      "On which day did the Anadolu agency announce the NATO-Russia Council meeting?",
      [["sunday", "dimanche"]], ["A0"],
      "a annoncé dimanche l’agence Anadolu",
      "Anadolu announced it on Sunday."),
    F("fr", [("Qui est Maria Zakharova ?",
              "La porte-parole du ministère russe des Affaires étrangères.")],
      "Qu'a-t-elle confirmé vendredi ?",
      "Qu'a confirmé Maria Zakharova vendredi ?",
      [["offre", "offer", "proposition", "invitation"]], ["A0"],
      "a confirmé vendredi que Moscou avait reçu une offre de Bruxelles concernant la réunion "
      "du Conseil Russie-OTAN",
      "Elle a confirmé que Moscou avait reçu une offre de Bruxelles pour la réunion du "
      "Conseil OTAN-Russie."),
    F("en", [("What did the American administration say about some of Russia's security "
              "proposals?", "That some of them were clearly unacceptable.")],
      "And how would Washington respond?",
      "How would Washington respond to Russia's security proposals?",
      [["concrete", "concretes", "concret*"]], ["A0"],
      "Washington répondrait avec des idées plus concrètes concernant tout format de "
      "pourparlers",
      "Washington would respond with more concrete ideas about any format for talks."),
    F("fr", [("Qu'a dit Poutine lors de sa conférence de presse annuelle ?",
              "Que Moscou voyait une réaction positive des États-Unis à sa proposition de "
              "garanties de sécurité.")],
      "Où Washington était-il prêt à entamer des pourparlers, selon lui ?",
      "Selon Poutine, où Washington était-il prêt à entamer des pourparlers en 2022 ?",
      [["geneve", "geneva"]], ["A0"],
      "Washington était prêt à entamer des pourparlers dès 2022 à Genève",
      "Selon Poutine, Washington était prêt à entamer des pourparlers à Genève dès 2022."),
    F("en", [("Who blamed the Russian side for the deterioration of relations over Ukraine?",
              "Jens Stoltenberg, NATO's secretary general.")],
      "What did he accuse Moscow of at its neighbour's borders?",
      "What did Stoltenberg accuse Moscow of at Ukraine's borders?",
      [["buildup", "build-up", "build up", "constitution militaire", "renforcement"]],
      ["A4", "A1"],
      "réitérant les affirmations d'un « constitution militaire » prétendument menée par Moscou "
      "aux frontières de son voisin",
      "He accused Moscow of a military build-up on its neighbour's borders."),
    F("fr", [("Qu'est-ce que Moscou accuse Kiev de faire ?",
              "De renforcer ses propres forces.")],
      "Dans quelle partie du pays ?",
      "Dans quelle partie de l'Ukraine Moscou accuse-t-elle Kiev de renforcer ses forces ?",
      [["est du pays", "l'est", "l’est", "east", "eastern"]], ["A1"],
      "accuse Kiev de renforcer ses propres forces dans l'est du pays",
      "Dans l'est du pays."),
    F("en", [("What did Stoltenberg say about the talks planned that week?",
              "That they could not be expected to solve all the problems, but that he hoped "
              "to agree on a way forward.")],
      "What kind of way forward did he hope for?",
      "What way forward did Stoltenberg hope to agree on in the talks with Russia?",
      [["series of meetings", "serie de reunions", "negotiation process",
        "processus de negociation", "negotiating process"]], ["A2"],
      "Nous espérons pouvoir nous mettre d'accord sur une voie à suivre ; une série de "
      "réunions, un processus de négociation.",
      "He hoped for a series of meetings, a negotiation process."),
    F("fr", [("Quel pays est accusé de concentrer des troupes à la frontière ukrainienne ?",
              "La Russie.")],
      "Comment l'article qualifie-t-il cette concentration ?",
      "Comment l'article qualifie-t-il la concentration des troupes russes à la frontière "
      "ukrainienne ?",
      [["menacante", "threatening", "menace*"]], ["A3"],
      "en raison de la concentration menaçante des troupes russes à la frontière avec l’Ukraine",
      "L'article la qualifie de « menaçante »."),
    F("en", [("Who is Jens Stoltenberg?", "NATO's secretary general.")],
      "What did he say NATO would never compromise on?",
      "What did Jens Stoltenberg say NATO would never compromise on?",
      [["choose", "choisir", "own path", "own course", "propre voie"]], ["A0"],
      "il a souligné que l’OTAN ne transigera jamais sur le droit de l’Ukraine de choisir sa "
      "propre voie",
      "He said NATO would never compromise on Ukraine's right to choose its own path."),
    F("fr", [("Qu'ont déclaré les États-Unis et l'Ukraine au sujet de la Russie ?",
              "Que la Russie se préparait peut-être à une invasion de son ancien voisin "
              "soviétique.")],
      "Et que répond la Russie ?",
      "Que répond la Russie aux accusations d'invasion de l'Ukraine ?",
      [["nie", "dement*", "deny", "denies", "rejette"]], ["A0", "A1"],
      "La Russie nie cela",
      "La Russie le nie."),
    F("en", [("Where are the American-Russian talks due to start?", "In Geneva.")],
      "Who was expected to lead them?",
      "Who was expected to lead the US-Russia talks in Geneva?",
      [["senior officials", "high-level officials", "hauts responsables",
        "responsables de haut niveau", "high-ranking officials", "top officials"]], ["A4"],
      "qui devraient être dirigés par des responsables de haut niveau des deux pays",
      "They were to be led by senior officials of both countries."),
    # -- follow-ups the articles do not answer ------------------------------------------------
    F("en", [("Who is the spokeswoman of the Russian foreign ministry?", "Maria Zakharova.")],
      "What is her salary?", "What is Maria Zakharova's salary?"),
    F("fr", [("Qui a publié un projet d'accord sur les garanties de sécurité ?",
              "Le ministère russe des Affaires étrangères, le 17 décembre.")],
      "Les États-Unis l'ont-ils signé ?",
      "Les États-Unis ont-ils signé le projet d'accord russe sur les garanties de sécurité ?"),
    F("en", [("Where is the NATO-Russia Council meeting held?", "In Brussels.")],
      "How many delegates will Russia send?",
      "How many delegates will Russia send to the NATO-Russia Council meeting in Brussels?"),
    F("fr", [("Qui était au cœur de la stratégie de sanctions accrues de l'UE contre les "
              "hauts responsables russes en 2021 ?",
              "Josep Borrell, le plus haut diplomate de l'UE.")],
      "Combien de responsables russes ont été sanctionnés ?",
      "Combien de responsables russes l'UE a-t-elle sanctionnés en 2021 ?"),
    F("en", [("What did the NATO official say any dialogue with Russia should be based on?",
              "On reciprocity, addressing NATO's concerns about Russia's actions, in "
              "consultation with NATO's European partners.")],
      "What is that official's name?",
      "What is the name of the NATO official who said dialogue should be based on "
      "reciprocity?"),
    F("fr", [("Où se tiendra la réunion du Conseil permanent de l'OSCE ?",
              "À Vienne, la capitale autrichienne.")],
      "Et qui préside ce Conseil ?",
      "Qui préside le Conseil permanent de l'OSCE ?"),
    F("en", [("What happened to NATO-Russia cooperation in October 2021?",
              "It was broken off: NATO expelled eight Russian diplomats and Moscow closed its "
              "mission to the alliance.")],
      "What were the names of the expelled diplomats?",
      "What were the names of the eight Russian diplomats expelled by NATO?"),
]

UNANSWERABLE = [
    U("en", "How many troops has Russia massed near the Ukrainian border?"),
    U("fr", "Quel est le salaire de Jens Stoltenberg ?"),
    U("en", "Who will succeed Jens Stoltenberg as NATO secretary general?"),
    U("fr", "Combien de pays sont membres de l'OSCE ?"),
    U("en", "What was the outcome of the 13 January OSCE meeting in Vienna?"),
    U("fr", "Combien de temps a duré la rencontre entre Wendy Sherman et Sergueï Ryabkov à "
            "Genève ?"),
    U("en", "Which Russian officials did the EU sanction in 2021?"),
    U("fr", "Quand la Russie a-t-elle envahi l'Ukraine ?"),
    U("en", "How many US nuclear weapons are stationed in Europe?"),
    U("fr", "Quel est le budget annuel de l'OTAN ?"),
    U("en", "Which country will host the next NATO summit?"),
    U("fr", "Qui dirige la délégation ukrainienne aux pourparlers de Genève ?"),
    U("en", "What did Joe Biden tell Vladimir Putin during their phone call?"),
    U("fr", "Combien de soldats compte le bataillon multinational de l'OTAN en Pologne ?"),
    U("en", "When did Finland apply to join NATO?"),
    U("fr", "Quelle est la population de la Géorgie ?"),
    U("en", "What is the name of NATO's spokesperson?"),
    U("fr", "Quel accord sur le contrôle des armements Stoltenberg a-t-il signé lorsqu'il était "
            "Premier ministre ?"),
    U("en", "How many people were killed in the fighting in eastern Ukraine in 2021?"),
]

if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    write_set(QUESTIONS + FOLLOW_UPS + UNANSWERABLE, ART, root / "articles",
              Path(__file__).resolve().parent / "questions.jsonl", prefix="b", seed=20261127,
              seed_set=root / "eval" / "seed_qa.jsonl")
