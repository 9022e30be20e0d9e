"""Every word list the extraction reads, in one place: titles, role nouns, name and place vocabulary.

Modules under bot/extract and bot/people import their lists from here; none defines its own.
"""

from __future__ import annotations

# Calendar words: capitalized, never names, never towns.
MONTHS = frozenset("January February March April May June July August September October November December".split())
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())

# -- people: titles and names ---------------------------------------------------------------------
# Words that end a title written before a name ("... District Attorney Kim Ogg").
TITLE_HEADS = frozenset("""
Attorney Attorneys General DA ADA DDA AUSA SDA Chief Judge Justice Detective Detectives Det. Officer Officers
Sergeant Sgt. Lieutenant Lt. Captain Capt. Commissioner Director Investigator Investigators Agent Agents
Inspector Superintendent Mayor Governor Gov. Senator Sen. Councilmember Councilman Councilwoman Supervisor
Prosecutor Prosecutors President Secretary Marshal Trooper Deputy Sheriff Sheriff-Coroner Assemblymember
Assemblyman Assemblywoman Representative Rep. Congressman Congresswoman Chair Chairman Chairwoman Paralegal
Analyst Advocate Manager Coordinator Specialist Engineer Administrator Counsel Clerk Professor Principal
Founder Executive Commander Speaker Partner Dr. Reverend Rev. Pastor Bishop Chaplain Warden Examiner Coroner
Counselor Doctor Charge CEO Officer Head Leader Lead Defender Prosecutor Nurse Teacher Coach Firefighter
Patrolman Patrolwoman Constable Ranger Auditor Controller Treasurer Assessor Comptroller Ombudsman Mr. Ms. Mrs.
Corporal Cpl. Colonel Col.
Honorable Hon. Killer Man Woman Bandit Rapist Felon Father Mother Striker THIRD-STRIKER Salesman Trafficker Fugitive
""".split())
# Lowercase role nouns ending a descriptor before a name ("63-year-old Staten Island man James Burrus").
ROLE_NOUNS = frozenset("""
man woman men women father mother husband wife son daughter boy girl teen teenager juvenile defendant
suspect victim salesman fugitive burglar killer bandit ringleader leader felon driver nurse teacher doctor
employee owner worker resident student member gunman shooter trafficker dealer pimp molester rapist striker
inmate officer deputy tenant landlord contractor manager agent attorney lawyer investigator detective
mastermind associate coach pastor priest volunteer caregiver therapist neighbor boyfriend girlfriend partner
founder executive accountant bookkeeper guard soldier veteran official clerk cashier mechanic physician
dentist chiropractor pharmacist thief robber prosecutor judge sergeant paralegal analyst advocate
person ringleader organizer fugitive salesman treasurer operator proprietor co-founder cofounder consultant
broker supervisor foreman developer president director chairman chairwoman secretary
brother sister cousin uncle aunt nephew niece grandson granddaughter grandmother grandfather stepfather
stepmother stepson stepdaughter fiance fiancé fiancee fiancée widow widower
""".split())
# Lowercase words that may stand inside a title before its head ("former", "alleged").
MODIFIERS = frozenset("""former then-acting acting alleged convicted serial self-proclaimed accused admitted
reputed disgraced retired veteran longtime local senior chief interim suspected registered licensed
unlicensed certified trained sworn elected appointed married divorced estranged disbarred suspended""".split())
# Small words that may join the words of a title ("Chief of Police").
CONNECTORS = frozenset({"of", "the", "for", "in", "and", "&", "on", "at"})
# Words that never begin a title, so a backward walk stops before them.
TITLE_STOP = frozenset("""Meet Congratulations Thanks Thank Welcome Join Contact Please Photo Pictured Attention
Today Yesterday When After Before During While Since As If And But Or So Then Also Both Many Some Most Several
Each All Congratulates Announces Honors Welcomes Recognizes Names Appoints Commends Applauds Praises Mourns
Remembers Swears Promotes Elects Celebrates Salutes Thanks Joins Hires Introduces Statement""".split())
# Capitalized words that are never part of a person's name. No all-capital word is listed: an agency's
# acronym of any office (NYPD, OCDA, SDPD, CHP) is never a name word, since a name word has lower-case
# letters after its capital (tokens._NAME_WORD); tests/extract/test_name_words.py checks both.
NOT_NAME = frozenset("""
The An And Of In On At To For From By With As But Or If When While After Before During Since Under Over
He She His Her They Their It Its This That These Those There Here We Our You Your Mr Ms Mrs
County Counties Police Department Office Offices District Court Courts Superior Supreme Criminal Street
Road Avenue Boulevard Blvd Drive Lane Way Highway Freeway Parkway Expressway Unit Division Bureau Task Force
State States United City Town Village University College School High Center Centre Hospital Church Jail
Prison Sheriff's Attorney's Department's Agency Administration Service Services Commission Board
Operation Project Program Act Law Code Section
Press Release News Update Media Advisory Case Count Counts Penal Health Safety Public Federal National
North South East West Northern Southern Eastern Western Central New Fort Saint St San Santa Los Las
Said Says According Today Yesterday Tomorrow Judge Justice Jury Grand Deputy Senior Assistant Special
Detective Officer Sergeant Chief Investigator Attorney General District Agent Inspector Mayor Governor
Senator Supervisor Prosecutor Director Commissioner Captain Lieutenant Trooper Marshal Secretary President
Defendant Defendants Victim Victims Suspect Suspects Man Woman Jr Sr Jr. Sr.
Honorable Hon Plaintiff Plaintiffs Guarantor Meet Dear Congratulations Thanks Thank Welcome Join Contact Please
Photo Pictured Attention Former Acting Then Interim Retired Late Both Each Every All Many Several
Alleged Convicted Accused Suspected Serial Sentenced Convicted Charged Pleads Pleaded Arrested Indicted Found
Gets Receives Accused Arraigned Admits Faces Held Ordered Released Extradited Honored Named Joins Announces
Wins Guilty Sentence Sentencing Murder Manslaughter Robbery Capital Trial Verdict Jury Releases Launches
Honors Honored Warns Urges Seeks Files Filed Reaches Secures Obtains Hosts Hosted Celebrates Recognizes
Later Also However Meanwhile Additionally Previously Currently Finally Earlier Now Then Instead Moreover
Announce Announced Announcing Indictment Indictments Arrest Arrests Charges Conviction Convictions Results
Statement Statements Update Plea Pleas Reward Lawsuit Settlement Investigation Takedown Sweep
Corp Corp. Inc Inc. Co Company Corporation Association Foundation Group Bank Club Coalition Council
Island Against Codefendant Codefendants Co-defendant Co-defendants
""".split()) | MONTHS | WEEKDAYS
# Name suffixes, and abbreviations whose dot is not the end of a sentence.
SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
ABBREVIATIONS = frozenset({"U.S.", "Det.", "Sgt.", "Lt.", "Capt.", "Cpl.", "Col.", "Gov.", "Sen.", "Rep.", "Dr.", "St.",
                           "Mr.", "Ms.", "Mrs.", "Jr.", "Sr.", "Rev.", "Asst.", "Dist.", "Atty.", "N.Y.",
                           "L.A.", "D.C."})
# Verbs of saying in attributions ("... ,” said X").
SPEECH_VERB_WORDS = ("said", "says", "stated", "states", "added", "adds", "explained", "noted", "remarked", "declared",
                     "commented", "continued", "told")
SPEECH_VERBS = "(?:" + "|".join(SPEECH_VERB_WORDS) + ")"  # as a regex alternation
# Words that make a phrase a clause rather than a title.
CLAUSE_WORDS = frozenset("said says told asked stated was were is are has have had will would could should did".split())
# Words opening a relative clause after a name.
RELATIVE = frozenset("where when which who whose whom while after before as because although".split())
# Honorifics that are the whole title before a name.
HONORIFICS = frozenset({"Dr.", "Mr.", "Ms.", "Mrs.", "Rev.", "Hon."})
# Personal pronouns: a phrase with one is a clause ('trips she took'), not a description.
PRONOUNS = frozenset("i he she it we they you him her them us me".split())
# Counting words: a description of several people.
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve several multiple both".split())

# Capitalized title words that name an office (prosecutors, police, judges...): the people a release is
# not about. See bot.people.person for the two ways the code tests a title against it.
OFFICIAL = ("Attorney", "Judge", "Justice", "Detective", "Officer", "Chief", "Sheriff", "Agent", "Commissioner",
             "Investigator", "Sergeant", "Director", "Mayor", "DA", "ADA", "DDA")
# Role words that make a longer title a different role: 'Deputy District Attorney' is not 'District Attorney'.
ROLE_MODIFIERS = frozenset("""deputy assistant senior chief acting special associate executive vice interim
head lead supervising principal first general""".split())
# Abbreviated title words, spelled out to compare roles.
ABBREVIATED = {"da": "district attorney", "dda": "deputy district attorney", "ada": "assistant district attorney",
                "sgt": "sergeant", "det": "detective", "lt": "lieutenant", "capt": "captain", "cpl": "corporal",
                "col": "colonel", "gov": "governor",
                "ausa": "assistant united states attorney", "us": "united states"}
# Titles too weak to record for a person.
WEAK_TITLES = {"mr.", "ms.", "mrs.", "mr", "ms", "mrs"}

# -- places ---------------------------------------------------------------------------------------
# US states and their codes, and the abbreviations releases write for them.
STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID",
    "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC",
    "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA",
    "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX",
    "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA", "West Virginia": "WV",
    "Wisconsin": "WI", "Wyoming": "WY", "District of Columbia": "DC",
}
STATE_ABBR = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Cal.": "CA", "Ca.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS",
    "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM",
    "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI",
    "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Va.": "VA", "Vt.": "VT", "Wash.": "WA",
    "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY", "D.C.": "DC",
    **{code: code for code in ("CA", "TX", "NY", "GA", "FL", "AZ", "NV", "MO", "KS", "VA", "SC", "NC", "PA",
                               "NJ", "IL", "OH", "MI", "CO", "WA", "OR", "NM", "OK", "LA", "TN")},
}
COUNTRIES = frozenset("""Mexico Canada Chile Colombia Peru Italy Spain France Germany China Japan Taiwan Vietnam
Korea India Russia Ukraine Israel Iran Iraq Cuba Haiti Honduras Guatemala Salvador Brazil Argentina Venezuela
Philippines Australia England Ireland Scotland Nigeria Egypt Singapore Thailand America""".split())
# Place names that are mostly ordinary words in releases: never read as towns.
SEASONS = frozenset("Spring Summer Fall Autumn Winter".split())  # 'In the Spring of 2017' (Spring, Texas)
COMMON_WORD_TOWNS = MONTHS | WEEKDAYS | SEASONS | frozenset("""Commerce Industry Justice Mission Security Union Hope
Liberty Independence Enterprise Energy Progress Friendship Center Central Paradise Eagle Success Opportunity
Reform Normal Pearl Rose Carmel Faith Marion Ransom Humble Bonanza Plains Alert Marshall Victoria Grand
Vista Chase Sterling Clinton Lincoln Washington Jackson Franklin Madison Hamilton Monroe Jefferson Wheat""".split())
# Words that may stand just before a place name.
PLACE_PREV_OK = frozenset("""In in At at From from Of of To to Near near Between between And and Or or Throughout A An
throughout Outside outside Across across Around around Into into Within within Including including The the
City city Town town Village village Downtown downtown East West North South Northern Southern Central""".split())
# Title words before a capitalized word that make it a person, not a place.
PERSON_BEFORE = frozenset("""Judge Justice Officer Detective Det. Deputy Sergeant Sgt. Mr. Ms. Mrs. Dr. Chief
Attorney Agent Investigator Trooper Captain Lieutenant Commissioner Director Senator Governor Mayor
Councilmember Supervisor DA ADA DDA Defendant Victim""".split())

# -- queries --------------------------------------------------------------------------------------
# Words a name query may start with that are not part of the name ("DA Stephan", "the Judge Garland").
QUERY_TITLE_WORDS = frozenset({w.casefold().rstrip(".") for w in TITLE_HEADS} | {
    "district", "county", "deputy", "assistant", "senior", "us", "u.s", "former", "the"})
# Name suffixes a query may end with ("Jr", "III"), as name keys.
QUERY_SUFFIX_KEYS = ("jr", "sr", "ii", "iii", "iv")

# -- words around names and places, as regular-expression alternatives --------------------------
# Words after a place name that make it part of a county, street, institution, gang or region
# ('Santa Ana College', 'Dallas County'); 'Mesa' only when no comma follows ('Costa Mesa, Calif.' is a town).
NOT_PLACE_AFTER = (r"(?i:county|counties)\b", "Parish", "Road", r"Rd\b", "Street", r"St\b", "Avenue",
                   r"Ave\b", "Boulevard", r"Blvd\b", "Drive", r"Dr\b", "Lane", r"Ln\b", "Way", "Parkway",
                   "Pkwy", "Freeway", "Fwy", "Highway", "Hwy", "Expressway", "Court", "Courthouse",
                   "Superior", "Unified", "School", "College", "University", "High", "Mall", "Airport",
                   "Bridge", "Hospital", "Medical", "Justice", "Jail", "Municipal", "Community", "Harbor",
                   "River", "Lake", "Creek", "Canyon", "Valley", "Trail", "Circle", "Plaza", "Square",
                   "Center", "Herald", "Times", "News", "Tribune", "Chronicle", "Post", "Globe", "Journal", "Gazette",
                   "Inquirer", "Station", "Hotel",
                   "Motel", "Apartments", "Park", "Memorial", "Cemetery", "Library", "Church", "Stadium",
                   "Arena", "Metroplex", "Area", "Region", "Division", "Branch", "Office", "Bureau", "Unit",
                   "Task", "Gang", "Crips", "Bloods", "Boys", "Street", "Township", "Metro", "Transit",
                   "Independent", "ISD", "Public", "Pike", "Turnpike", "Terrace", "Heights", "Estates",
                   "Ranch", "Hills", r"Mesa\b(?!\s*,)")
# Nouns after a place name that make it read as a place ('Oceanside residents').
PLACE_NOUNS_AFTER = ("officers?", "police", "residents?", "homes?", "residence", "apartment", "man", "woman",
                     "couple", "family", "neighborhood", "area", "resident", "businesses?", "store", "bank",
                     "park", "men", "women", "teens?", "teenagers?", "mother", "father", "boy", "girl")
# Nouns of a business after its name when a city opens the name ('a Fresno Target store').
BUSINESS_NOUNS = ("store", "shop", "restaurant", "location", "branch", "dealership", "station", "supermarket",
                  "market", "warehouse", "hotel", "motel", "bank", "pharmacy", "outlet", "factory", "mall",
                  "parking lot")
# Words after a capitalized word that make it a person ('Richardson said'), not a place.
PERSON_VERBS_AFTER = ("said", "says", "stated", "added", "told", "pleaded", "was", "is", "who")
# Whom a speaker addresses in an attribution before a quotation ('X told the jury, “…”').
AUDIENCE_WORDS = ("jurors", "jury", "court", "judge", "reporters", "media", "audience", "crowd", "victims?",
                  "family", "defendant")
# Words a title never starts with: a phrase starting so is a fragment of a list or a clause.
TITLE_FRAGMENT_STARTS = ("and", "or", "&", "of", "who", "whose", "which", "that", "along", "with",
                         "including", "among", "for", "from", "in", "on", "at", "by", "to", "as", "my",
                         "his", "her", "their", "our", "its", "is", "was")
# Headline verbs after a description of the subject ('Dallas Man Sentenced ...').
HEADLINE_VERBS = ("Indicted", "Charged", "Convicted", "Sentenced", "Pleads", "Pled", "Arrested", "Found",
                  "Gets", "Receives", "Admits", "Faces", "Held", "to Be")
# Verbs of a case done to the subject in a lede ('... sentenced a Brooklyn man to ...').
CASE_VERBS = ("sentenced", "convicted", "charged", "indicted", "arrested")
# Plural roles given to each name of a list that follows ('the defendants as A, B and C').
PLURAL_LIST_ROLES = ("defendants", "suspects", "victims")
# Plural roles of a list header ('The defendants include:'), each with the role one member holds.
LIST_HEADER_ROLES = {"defendants": "defendant", "co-defendants": "co-defendant", "codefendants": "co-defendant",
                     "suspects": "suspect", "victims": "victim", "witnesses": "witness"}

# -- people: roles written away from a title ------------------------------------------------------
# Crimes whose object is a victim: 'the murder of NAME', 'killing NAME' (nouns; gerunds end in -ing).
CRIME_NOUNS = ("murder", "murders", "killing", "killings", "death", "deaths", "shooting", "stabbing", "rape",
               "assault", "kidnapping", "strangulation", "beating", "molestation", "abduction", "slaying",
               "manslaughter")
CRIME_GERUNDS = ("murdering", "killing", "shooting", "stabbing", "raping", "kidnapping", "strangling",
                 "assaulting", "molesting", "abducting", "beating")
# Function words: never inside a noun phrase between a crime noun and its victim's name.
PHRASE_BREAKS = frozenset("""by and or for with from to in at on as was were is are after before when while
who which that into against than""".split())
# Capitalized determiners that open a noun phrase at the start of a sentence ('Another witness, NAME,').
DETERMINERS = frozenset("The A An Another One This That His Her Their Its Our".split())
# Labels of a press release's contact block ('Contact: NAME', 'Media Contact: NAME').
CONTACT_LABELS = ("Contact", "Contacts", "Media Contact", "Press Contact", "Media Contacts", "Media Inquiries")
# Nouns of time: 'A day later, NAME' is not a description of NAME.
TIME_NOUNS = frozenset("""day days week weeks month months year years night nights morning afternoon evening
time times hour hours minute minutes moment weekend decade decades later earlier""".split())
# Verbs of a relative clause that give the agent's role ('NAME, who founded X' -> 'founder of X').
AGENT_VERBS = {"founded": "founder", "co-founded": "co-founder", "owns": "owner", "owned": "owner",
               "leads": "leader", "led": "leader", "heads": "head", "headed": "head", "directs": "director",
               "directed": "director", "manages": "manager", "managed": "manager", "chairs": "chair",
               "chaired": "chair", "runs": "operator", "ran": "operator", "operates": "operator",
               "operated": "operator", "coaches": "coach", "coached": "coach", "teaches": "teacher",
               "taught": "teacher", "supervises": "supervisor", "supervised": "supervisor"}
