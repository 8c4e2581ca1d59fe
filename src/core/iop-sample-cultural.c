/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-sample-cultural"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-date.h"
#include "iop-sample-private.h"
#include "iop-store-people.h"
#include "iop-store-cultural.h"

/*
 * Cultural profiles and notes for the sample program. Everything is invented
 * and written the way a counselor would record it: in the participant's own
 * words where it is theirs. The gaps are deliberate, so the gap list has
 * something to show: a few active participants without a profile, one
 * interpreter not arranged, one profile not reviewed for over 90 days.
 */

#define MON (1 << 0)
#define TUE (1 << 1)
#define WED (1 << 2)
#define THU (1 << 3)
#define FRI (1 << 4)
#define SAT (1 << 5)
#define SUN (1 << 6)
#define EVERY_DAY 0x7f

typedef struct {
  int          participant;        /* index into the sample participants */
  int          reviewed_after_admission; /* days; negative: before (a readmission) */
  gboolean     interpreter_needed;
  gboolean     interpreter_arranged;
  const char  *interpreter_details;
  const char  *communication;
  const char  *identity;
  const char  *family_roles;
  const char  *beliefs;
  const char  *spirituality;
  const char  *stigma;
  const char  *observances;
  int          observance_weekdays;
  const char  *observance_start;
  const char  *observance_end;
  const char  *dietary;
  const char  *accessibility;
  const char  *respected;
  const char  *cfi[IOP_CFI_N_DOMAINS];
} SampleProfile;

static const SampleProfile profiles[] = {
  { 0, 3, FALSE, FALSE, "",
    "Bilingual. Thinks and feels in Spanish; switches to Spanish when something matters. Likes being asked directly rather than hinted at.",
    "“Mexican-American, a mom first. Raised Catholic, not so much now.”",
    "Her mother and older sister care for her kids during group. Her sister is her main support; her husband does not want her family to know about treatment.",
    "“Where I grew up, a woman who drinks is worse than a man who drinks.” Sees depression as something to push through, but is open to medication now.",
    "Catholic upbringing; prays the rosary when she cannot sleep.",
    "Worried that people from her parish will find out.",
    "", 0, NULL, NULL,
    "", "",
    "“Don't make me the Spanish example. Ask me, don't assume.”",
    { "“Los nervios and the drinking go together. My mother calls it nervios; I call it I can't stop.”",
      "Ties it to losing her job and to her father's drinking. Her sister and her kids are why she stays.",
      "Tried to stop on her own twice by not keeping alcohol at home; went to a priest once, felt judged.",
      "Prefers a woman counselor; worries about cost and about her husband finding out." } },
  { 1, 2, FALSE, FALSE, "",
    "Plain talk. Does not like “therapy words”. Responds well to humor.",
    "“Fourth-generation farm family. Vietnam-era Army, though I never went over.”",
    "His wife goes to Al-Anon; his adult son is wary and they are rebuilding trust.",
    "Believes drinking is a matter of willpower and is ashamed he “couldn't just quit”.",
    "Lutheran; attends with his wife at Christmas and Easter.",
    "Does not want anyone at the VFW to know.",
    "", 0, NULL, NULL,
    "Type 2 diabetes: sugar-free drinks during group.", "",
    "“Being talked to like a grown man, not a case.”",
    { "“I drink too much and it's costing me my family.”", "", "", "" } },
  { 2, 4, FALSE, FALSE, "",
    "Direct; prefers written handouts to take home. Does not like being put on the spot first in go-rounds.",
    "“Bangladeshi-American, born in Queens. Muslim, but I don't wear hijab.”",
    "Her parents do not know about the buprenorphine; her brother drives her to group.",
    "Sees addiction as a medical condition. Her family sees it as a moral failing, which is hard for her.",
    "Muslim; prays when she can, more since starting treatment.",
    "Afraid of her community finding out about opioid treatment.",
    "", 0, NULL, NULL,
    "Halal: no pork or gelatin in shared snacks.", "",
    "“When people don't make a thing of my name or my background.”",
    { "“A medical problem that my family thinks is a sin.”",
      "Started with pain pills after surgery. Support: her brother and one friend from college.",
      "", "Wants medication-assisted treatment and an outside-the-community counselor." } },
  { 3, 2, TRUE, TRUE, "Vietnamese telephone interpreter for individual sessions and for the first hour of group on Wednesdays.",
    "Understands conversational English; uses the interpreter for feelings and for anything about his plan. Nods to be polite; check understanding with open questions.",
    "“Vietnamese, came here in 1999. A father and a cook.”",
    "His wife keeps the family's money; his brother-in-law pressured him to come to treatment.",
    "Saw meth as a way to work double shifts. Not sure talking helps; willing to try for his kids.",
    "Buddhist; goes to temple on the full and new moon.",
    "Worried about losing face at work.",
    "Temple visits on the full and new moon (dates vary each month).", 0, NULL, NULL,
    "", "",
    "“Patience when my English is slow.”",
    { "“Too much working, then I needed the drug to keep working.”",
      "Pressure to provide; support from his wife and the temple.",
      "Tried to stop alone during a visit to Vietnam; it worked until he came back.",
      "Prefers a male counselor; interpreter makes it possible." } },
  { 4, 2, FALSE, FALSE, "",
    "Speaks her mind; appreciates being checked in with privately after hard sessions.",
    "“Black woman from the South Side, a survivor and a mom.”",
    "Her grandmother raised her and is her anchor; her church family helps with child care.",
    "Believes trauma and cocaine are tied together; skeptical of therapists who don't understand racism.",
    "AME church; gospel music helps her cope.",
    "Mistrust of systems after a child-welfare case.",
    "", 0, NULL, NULL,
    "", "Needs to sit facing the door (trauma-related).",
    "“Not being the only one asked to talk about race.”",
    { "", "", "", "" } },
  /* Reviewed at intake during his earlier stay; not looked at again since readmission. */
  { 5, -46, FALSE, FALSE, "",
    "Quiet in groups; opens up in pairs.",
    "“Japanese-American, third generation (sansei). My grandparents were in the camps.”",
    "Feels he has let his parents down; his sister is his main support.",
    "Sees drinking as a private problem to fix privately.",
    "Buddhist temple for funerals and Obon.",
    "Shame about needing help.",
    "", 0, NULL, NULL,
    "", "",
    "“Not being pushed to share before I'm ready.”",
    { "“I drink so I don't have to feel things.”", "", "", "" } },
  { 6, 1, TRUE, TRUE, "Arabic interpreter in person, Tuesdays and Thursdays; telephone interpreter for the evening group.",
    "Prefers Arabic for anything emotional; reads English well. Prefers a female interpreter.",
    "“Syrian, from Aleppo. I came in 2016. Mother of three.”",
    "Her husband supports treatment; her mother-in-law must not know.",
    "Sees the sedatives as medicine that got out of hand; panic is “from the war”.",
    "Muslim; prays five times a day.",
    "Fears gossip in the community.",
    "Daily prayers; can pray in the quiet room during breaks.", 0, NULL, NULL,
    "Halal; fasting during Ramadan.", "",
    "“Being asked about my life before the war, not only the war.”",
    { "“My nerves are broken since the war.”",
      "The war, leaving home, being alone here. Support: husband, her sister by phone.",
      "Took her mother's pills; a doctor back home gave more.",
      "Wants a woman counselor and an interpreter she does not know socially." } },
  { 7, 3, FALSE, FALSE, "",
    "Fluent English; dry humor. Prefers facts and structure.",
    "“Russian, from Yekaterinburg. Engineer.”",
    "Divorced; his daughter visits every other weekend and is his reason.",
    "“In Russia, everyone drinks; the problem is only if you lose your job.” Now questions that.",
    "Not religious.",
    "Embarrassed in front of colleagues.",
    "", 0, NULL, NULL,
    "", "",
    "“Straight answers.”",
    { "", "", "", "" } },
  { 8, 2, FALSE, FALSE, "",
    "Talks fast when excited; appreciates gentle redirection.",
    "“Nigerian-American, Igbo. First in my family to go to college.”",
    "Her parents expect her to finish her nursing degree; her cousin knows about treatment.",
    "Family sees bipolar disorder as spiritual; she sees it as both.",
    "Pentecostal; Bible study on Tuesday evenings.",
    "Fears her parents will see mental illness as a curse.",
    "Tuesday evening Bible study.", TUE, "19:00", "20:30",
    "", "",
    "“Room for my faith in the conversation.”",
    { "“Highs and lows, and weed to come down.”", "", "", "" } },
  { 9, 3, FALSE, FALSE, "",
    "Bilingual; more comfortable in Spanish in the mornings. Warm, likes small talk first.",
    "“Puerto Rican, from Ponce. Grandfather.”",
    "His wife and daughters are very involved; his grandson is his motivation.",
    "Sees drinking as “what men do”, and depression as weakness; both views softening.",
    "Catholic; attends Mass with his wife.",
    "Machismo: hard to cry in front of other men.",
    "", 0, NULL, NULL,
    "", "Hearing aid in the left ear: sits to the facilitator's right.",
    "“Respect for my age.”",
    { "", "", "", "" } },
  { 10, 2, FALSE, FALSE, "",
    "Uses they/them; appreciates correction of misgendering without drama.",
    "“Queer, nonbinary, white, from a small town.”",
    "Estranged from their parents; their chosen family (two roommates) is their support.",
    "Sees recovery as harm reduction first.",
    "Not religious; finds meaning in music.",
    "Past experiences of being judged in treatment for being queer.",
    "", 0, NULL, NULL,
    "Vegan.", "",
    "“Pronouns respected, no jokes about it.”",
    { "", "", "", "" } },
  { 11, 4, FALSE, FALSE, "",
    "Thinks before speaking; silence is respectful, not disengagement.",
    "“Diné (Navajo), Tódích'íi'nii clan. I live in the city but go home often.”",
    "His grandmother and uncles expect him to help at home; family ceremonies matter.",
    "Sees alcohol as something brought to his people; healing means returning to his ways.",
    "Native American Church; traditional ceremonies with his family.",
    "Does not trust programs that have dismissed traditional healing.",
    "Native American Church meetings on some Saturday nights.", SAT, NULL, NULL,
    "", "",
    "“Not being rushed to fill silence.”",
    { "“The drink took me away from who I am.”", "Loss and history; his family and ceremony support him.", "", "" } },
  { 12, 3, FALSE, FALSE, "",
    "Articulate in English; Tamil with family. Prefers examples over theory.",
    "“Tamil, from Chennai. Software developer and a daughter.”",
    "Her parents live with her; they think she is in a stress course.",
    "Sees benzodiazepine dependence as her own fault.",
    "Hindu; Friday evening puja at the temple.",
    "Community gossip; marriage prospects.",
    "Friday evening puja at the temple.", FRI, "18:30", "20:00",
    "Vegetarian (no eggs).", "",
    "“Being seen as more than my family's expectations.”",
    { "", "", "", "" } },
  { 13, 4, FALSE, FALSE, "",
    "Storyteller; likes to be given room to finish.",
    "“Black man, sixty next year, from Detroit.”",
    "His daughter and his church brothers.",
    "Believes recovery is spiritual first.",
    "Baptist deacon.",
    "",
    "Sunday services; deacon duties.", SUN, NULL, NULL,
    "Low-sodium diet.", "Bad knee: needs a chair with arms.",
    "“When people call me Mr. Johnson until I say otherwise.”",
    { "", "", "", "" } },
  { 14, 2, FALSE, FALSE, "",
    "English fine for daily talk; prefers Mandarin for feelings, but does not want an interpreter in group.",
    "“Chinese, from Chengdu. Graduate student.”",
    "Her parents in China do not know; her roommate does.",
    "Thinks of depression as tiredness; open to learning more.",
    "",
    "Fears her visa and her studies could be affected.",
    "", 0, NULL, NULL,
    "", "",
    "“Patience when I look for a word.”",
    { "", "", "", "" } },
  { 15, 3, FALSE, FALSE, "",
    "Prefers to be asked before being given feedback.",
    "“Chicana, from the Central Valley.”",
    "Her aunt raised her; her partner supports her recovery.",
    "",
    "Curanderismo from her aunt; limpias help her.",
    "",
    "", 0, NULL, NULL,
    "", "",
    "“Names pronounced right.”",
    { "", "", "", "" } },
  { 16, 2, TRUE, FALSE, "Needs a Somali interpreter (Maay Maay dialect preferred). Not yet arranged: the agency had no evening availability.",
    "Understands simple English; answers “yes” to be polite. Use short sentences and check understanding.",
    "“Somali. I came from Dadaab camp in 2011.”",
    "His older brother is head of the family and makes decisions with him.",
    "Believes the voices are from spirits and also from the illness; medicine helps.",
    "Muslim; prays five times a day.",
    "Strong stigma about mental illness in his community.",
    "Sunset prayer (Maghrib): asks for a short break and a quiet room during the evening group.",
    EVERY_DAY, "17:50", "18:10",
    "Halal.", "",
    "“Being given time to pray without having to explain.”",
    { "“My head is tired; the cannabis helped me sleep.”", "", "", "" } },
  { 17, 2, FALSE, FALSE, "",
    "Prefers email reminders to phone calls.",
    "“Jewish, Reform. Mother of two teenagers.”",
    "Her husband is supportive; her kids don't know the details.",
    "Believes anxiety is inherited; her mother also took sedatives.",
    "Jewish; keeps Shabbat.",
    "",
    "Shabbat, Friday sundown to Saturday sundown: no phone calls or appointments.", FRI | SAT, NULL, NULL,
    "Keeps kosher-style: no pork or shellfish in shared food.", "",
    "“Not scheduling make-ups on Friday evenings.”",
    { "", "", "", "" } },
  { 18, 2, FALSE, FALSE, "",
    "Speaks Navajo with his family, English in group. Values stories and indirect examples; long pauses are thinking time.",
    "“Diné elder, grandfather, veteran.”",
    "His wife, children and grandchildren; his clan relatives bring him to ceremonies.",
    "Sees alcohol use as a spiritual sickness; healing needs both ceremony and this program.",
    "Traditional Diné ceremonies; also the Wednesday talking circle at the community center.",
    "Past experiences of boarding-school discipline make him wary of institutions.",
    "Wednesday evening talking circle at the community center; family ceremonies on dates set by the medicine person.",
    WED, "18:30", "20:00",
    "", "Reading glasses: large-print handouts.",
    "“When my way of healing is not treated as second.”",
    { "“Walking out of balance.”", "The loss of his brother; his grandchildren keep him going.",
      "Ceremony helped when he was young; AA felt foreign.", "Wants this program and ceremony side by side." } },
  { 19, 3, FALSE, FALSE, "",
    "Brazilian Portuguese at home; English fine in group.",
    "“Brazilian, from Minas Gerais. Nail technician.”",
    "Her mother in Brazil calls every day; her boyfriend takes her to the methadone clinic.",
    "Sees methadone as part of recovery; her family sees it as “another drug”.",
    "Catholic; lights a candle on Sundays.",
    "Judgment about methadone.",
    "", 0, NULL, NULL,
    "", "",
    "“Nobody calling methadone ‘still using’.”",
    { "", "", "", "" } },
  { 20, 2, FALSE, FALSE, "",
    "Needs movement breaks (ADHD); takes notes on his phone, which is not disrespect.",
    "“Jewish, secular, from New Jersey.”",
    "His partner and his sister.",
    "",
    "Cultural Jew; High Holidays with family.",
    "",
    "High Holidays in the fall (dates vary).", 0, NULL, NULL,
    "", "Standing or walking breaks every hour.",
    "“Not being told to put my phone away when I'm taking notes.”",
    { "", "", "", "" } },
  { 21, 2, TRUE, TRUE, "Spanish: the co-facilitator interprets in the afternoon group; telephone interpreter for individual sessions.",
    "Spanish only for anything important; formal address (usted) appreciated.",
    "“Salvadoreña, sixty years almost. Grandmother of five.”",
    "Her daughters; her comadre from church.",
    "Believes her nerves need pills; learning other ways to calm down.",
    "Evangelical church, several evenings a week.",
    "Fears being seen as “loca”.",
    "", 0, NULL, NULL,
    "", "",
    "“Being called Doña Rosa.”",
    { "“Los nervios.”", "", "", "" } },
  { 23, 3, FALSE, FALSE, "",
    "Writes better than she speaks in English; likes to prepare before sharing.",
    "“Romanian, Orthodox, a nurse back home.”",
    "Her husband and her priest.",
    "Thinks drinking was part of every celebration at home.",
    "Romanian Orthodox; fasts before Easter and Christmas.",
    "",
    "Orthodox fasting periods before Easter and Christmas.", 0, NULL, NULL,
    "No meat or dairy during fasting periods.", "",
    "“Being trusted with responsibility in the group.”",
    { "", "", "", "" } },
  { 24, 2, FALSE, FALSE, "",
    "Likes clear plans.",
    "“Irish-American, a bartender for ten years.”",
    "Her brother.",
    "", "", "", "", 0, NULL, NULL, "", "", "",
    { "", "", "", "" } },
  { 27, 2, TRUE, TRUE, "Turkish telephone interpreter for the Relapse Prevention group.",
    "Speaks some English; prefers Turkish for anything about feelings.",
    "“Turkish, from Izmir. Taxi owner.”",
    "His wife and his grown sons run the business while he is in treatment.",
    "Sees drinking as a personal weakness and a sin.",
    "Muslim; Friday prayers at the mosque; fasts during Ramadan.",
    "His mosque community.",
    "Friday prayers at the mosque; Ramadan fasting (next Ramadan begins in February).", FRI, "12:30", "14:00",
    "During Ramadan he fasts from dawn to sunset, including during the afternoon group: please do not offer food or drink pointedly; he is fine with others eating.",
    "",
    "“Respect for my faith even though I drank.”",
    { "“I was weak and I drank.”", "", "", "" } },
  { 28, 3, FALSE, FALSE, "",
    "Bilingual; English with peers, Spanish with her mother. Opens up more in small groups.",
    "“Mexican-American, sixteen, a big sister.”",
    "Her mother works nights; her grandmother is home after school.",
    "Sees weed as normal among her friends.",
    "Catholic; confirmation classes.",
    "",
    "", 0, NULL, NULL,
    "", "",
    "“Not being talked down to because I'm young.”",
    { "", "", "", "" } },
  { 30, 3, FALSE, FALSE, "",
    "Quiet; prefers writing prompts to speaking first.",
    "“Nigerian-American, fifteen.”",
    "Her parents are strict; her aunt is easier to talk to.",
    "", "Church youth choir.", "Worried her parents will find out details.",
    "", 0, NULL, NULL, "", "", "“Being asked, not told.”",
    { "", "", "", "" } },
  { 31, 3, FALSE, FALSE, "",
    "Short answers; warms up with humor.",
    "“Polish-American, plays hockey.”",
    "His dad and his coach.",
    "", "", "", "", 0, NULL, NULL, "", "", "",
    { "", "", "", "" } },
  { 32, 3, FALSE, FALSE, "",
    "Prefers not to discuss food or bodies in group examples.",
    "“Just me.”",
    "Her mom.",
    "", "", "", "", 0, NULL, NULL,
    "Eating disorder: no food-centred activities or snack talk in group.", "",
    "“No comments about bodies or food.”",
    { "", "", "", "" } },
  { 33, 3, FALSE, FALSE, "",
    "Bilingual; responds to respect and clear limits.",
    "“Mexican, fifteen.”",
    "His grandfather and his older cousin.",
    "", "", "", "", 0, NULL, NULL, "", "", "“Not being treated like a troublemaker.”",
    { "", "", "", "" } },
  { 34, 3, FALSE, FALSE, "",
    "Korean at home; English at school. Prefers to be called on after others.",
    "“Korean-American, sixteen.”",
    "Her parents run a store; her older brother helps her with school.",
    "Family sees depression as laziness; she sees it as an illness.",
    "Korean Presbyterian church; youth group on Thursday evenings.",
    "Family shame.",
    "Church youth group, Thursday evenings.", THU, "18:00", "20:00",
    "", "",
    "“Not being expected to be the perfect student.”",
    { "", "", "", "" } },
  { 35, 3, FALSE, FALSE, "",
    "Listens more than he talks; talks more outdoors.",
    "“Lakota on my dad's side. Seventeen.”",
    "His uncle takes him to sweat lodge.",
    "", "Sweat lodge with his uncle.", "", "", 0, NULL, NULL, "", "",
    "“Not being asked to speak for all Native people.”",
    { "", "", "", "" } },
  { 36, 3, FALSE, FALSE, "",
    "Irish-American; likes to tell it straight and hear it straight.",
    "“Retired teacher, Irish Catholic, grandmother.”",
    "Her sons; her AA sponsor.",
    "Sees alcoholism as a disease.",
    "Catholic; daily Mass when she can.",
    "Embarrassed among former colleagues.",
    "", 0, NULL, NULL,
    "", "Arthritis: needs a cushioned chair and breaks to stand.",
    "“My experience counting for something.”",
    { "", "", "", "" } },
  { 37, 2, FALSE, FALSE, "",
    "French is his first language; English good. Prefers being addressed formally at first.",
    "“Senegalese and French. Muslim. I came here six years ago for work.”",
    "His wife; his family in Dakar by video call on Sundays.",
    "Sees drug use as shameful in his faith; finds strength in returning to prayer.",
    "Muslim; Friday congregational prayer (Jumu'ah).",
    "Shame in his community.",
    "Friday congregational prayer (Jumu'ah).", FRI, "12:30", "14:00",
    "Halal.", "",
    "“Being allowed to arrive late after Friday prayers without it counted against me.”",
    { "", "", "", "" } },
};

typedef struct {
  int          group;              /* -1 for a participant note */
  int          participant;        /* -1 for a group note */
  int          author;             /* 0, 1: counselor1, counselor2 */
  int          days_ago;
  const char  *kind;
  const char  *text;
  const char  *outcome;
  gboolean     signed_;
  const char  *addendum;
} SampleNote;

static const SampleNote notes[] = {
  { 0, -1, 0, 26, "reflection",
    "The group leans on English idioms (“hit rock bottom”, “one day at a time”); members who think in other languages nod along without engaging.",
    "Started saying what an idiom means the first time we use it each session.", TRUE, NULL },
  { 0, -1, 1, 12, "adaptation",
    "Used a recovery story from a Vietnamese-American author alongside the usual one, and asked members whose family has a saying about drinking.",
    "Worked well: four members shared sayings from their families; the interpreter said it was the most the group had talked in weeks.", TRUE,
    "Two members asked to bring family sayings again next month." },
  { 0, -1, 0, 3, "observation",
    "Friday attendance dips before holidays; several members travel to family. Check the holiday calendar when planning Friday topics.",
    "", FALSE, NULL },
  { 1, -1, 1, 20, "adaptation",
    "Relapse-trigger mapping: replaced the bar-and-happy-hour example with family celebrations, weddings and religious holidays.",
    "Members recognised their own triggers more readily; one said for the first time that weddings are her hardest days.", TRUE, NULL },
  { 1, -1, 1, 9, "observation",
    "With interpreters for two members, the group runs slower. Shorter go-rounds and a written summary on the board helped everyone keep up.",
    "Keep the written summary.", TRUE, NULL },
  { 1, -1, 1, 2, "reflection",
    "Ramadan starts in February; one member fasts through the afternoon group. Plan no-food activities and keep water on the side table, not passed around.",
    "", FALSE, NULL },
  { 2, -1, 0, 18, "adaptation",
    "Moved the break to sunset so a member can pray; offered the quiet room. Announced it as a regular break, not an exception for one person.",
    "The member stayed for the whole group for the first time in three weeks.", TRUE, NULL },
  { 2, -1, 0, 6, "reflection",
    "Attendance is slipping in this evening group. Two members have community commitments on Wednesday evenings; consider offering the skills module on Monday only.",
    "", FALSE, NULL },
  { 3, -1, 1, 15, "adaptation",
    "Used music chosen by the teens (in Spanish, Korean and English) for the emotion-identification exercise instead of the workbook scenarios.",
    "High engagement. One member said it was the first time school-style material did not feel like school.", TRUE, NULL },
  { 3, -1, 1, 4, "observation",
    "Parents' expectations about school come up from several cultural angles; a family session on “what success means in our family” could help.",
    "", FALSE, NULL },
  { 4, -1, 0, 14, "adaptation",
    "Offered mindfulness practices from several traditions (breath counting, a short dhikr-style repetition, a walking practice) and let members choose.",
    "Members chose different practices; nobody opted out, unlike last month's single guided meditation.", TRUE, NULL },
  { 4, -1, 0, 5, "observation",
    "A member arrives late on Fridays after congregational prayer. Start with a check-in that does not depend on being there at 13:00 sharp.",
    "", FALSE, NULL },
  { -1, 3, 1, 10, "observation",
    "Mr. Thanh follows much more with the interpreter present for the first hour; without it he agrees with everything.",
    "", TRUE, NULL },
  { -1, 18, 1, 8, "adaptation",
    "Invited Joe to share a teaching story instead of a go-round answer. He spoke for five minutes, the longest he has in group.",
    "Will offer story prompts again.", TRUE, NULL },
  { -1, 16, 1, 2, "observation",
    "Ahmed nodded through the whole evening group; asked afterwards, he had understood little. The Somali interpreter is still not arranged.",
    "", FALSE, NULL },
  { -1, 0, 0, 7, "reflection",
    "Mari said she felt singled out when asked to translate for another member. We agreed she will only interpret if she offers.",
    "", FALSE, NULL },
};

static gboolean
load_profiles (IopStore          *store,
               IopSampleContext  *ctx,
               GError           **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      const SampleProfile *s = &profiles[i];
      g_autoptr(IopCulturalProfile) c = iop_cultural_profile_new (ctx->participant_ids[s->participant]);
      g_autoptr(IopParticipant) p = iop_store_get_participant (store, ctx->participant_ids[s->participant], error);
      g_autofree char *reviewed = NULL;

      if (p == NULL)
        return FALSE;
      /* Each profile is recorded by the participant's own counselor. */
      iop_store_set_actor (store, iop_participant_get_primary_counselor_id (p));
      reviewed = iop_date_add_days (iop_participant_get_admission_date (p), s->reviewed_after_admission);

      iop_cultural_profile_set_interpreter_needed (c, s->interpreter_needed);
      iop_cultural_profile_set_interpreter_arranged (c, s->interpreter_arranged);
      iop_cultural_profile_set_interpreter_details (c, s->interpreter_details);
      iop_cultural_profile_set_communication (c, s->communication);
      iop_cultural_profile_set_identity (c, s->identity);
      iop_cultural_profile_set_family_roles (c, s->family_roles);
      iop_cultural_profile_set_beliefs (c, s->beliefs);
      iop_cultural_profile_set_spirituality (c, s->spirituality);
      iop_cultural_profile_set_stigma_concerns (c, s->stigma);
      iop_cultural_profile_set_observances (c, s->observances);
      iop_cultural_profile_set_observance_weekdays (c, s->observance_weekdays);
      iop_cultural_profile_set_observance_start (c, s->observance_start);
      iop_cultural_profile_set_observance_end (c, s->observance_end);
      iop_cultural_profile_set_dietary_needs (c, s->dietary);
      iop_cultural_profile_set_accessibility (c, s->accessibility);
      iop_cultural_profile_set_respected_in_group (c, s->respected);
      iop_cultural_profile_set_reviewed_on (c, reviewed);
      for (IopCfiDomain d = 0; d < IOP_CFI_N_DOMAINS; d++)
        if (*s->cfi[d])
          {
            iop_cultural_profile_set_cfi_answer (c, d, s->cfi[d]);
            iop_cultural_profile_set_cfi_recorded_on (c, d, reviewed);
          }
      if (!iop_store_save_cultural_profile (store, c, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_notes (IopStore          *store,
            IopSampleContext  *ctx,
            GError           **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      const SampleNote *s = &notes[i];
      g_autoptr(IopCulturalNote) note = iop_cultural_note_new ();
      g_autofree char *date = iop_sample_date (ctx, -s->days_ago);

      iop_store_set_actor (store, ctx->counselor_ids[s->author]);
      if (s->group >= 0)
        iop_cultural_note_set_group_id (note, ctx->group_ids[s->group]);
      else
        iop_cultural_note_set_participant_id (note, ctx->participant_ids[s->participant]);
      iop_cultural_note_set_date (note, date);
      iop_cultural_note_set_kind (note, s->kind);
      iop_cultural_note_set_text (note, s->text);
      iop_cultural_note_set_outcome (note, s->outcome);
      if (!iop_store_add_cultural_note (store, note, error))
        return FALSE;
      if (s->signed_ && !iop_store_sign_cultural_note (store, iop_cultural_note_get_id (note), error))
        return FALSE;
      if (s->addendum != NULL
          && !iop_store_add_cultural_note_addendum (store, iop_cultural_note_get_id (note), s->addendum, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * iop_sample_load_cultural:
 * @store: the store the sample program is being loaded into
 * @ctx: what the earlier parts of the sample created
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the cultural profiles and notes were added
 */
gboolean
iop_sample_load_cultural (IopStore          *store,
                          IopSampleContext  *ctx,
                          GError           **error)
{
  return load_profiles (store, ctx, error) && load_notes (store, ctx, error);
}
