/*
 * gen_data.h -- the name, street and city lists wngen draws from.
 *
 * Lists are ordered by how common the name is; wngen draws rank r with
 * probability proportional to 1/(r+1+q) (Zipf-Mandelbrot, which surname and
 * given name frequencies follow closely), so "smith" and "müller" make hot
 * blocks the way they do in real data; a synthetic long tail (wngen.c,
 * tail_name) supplies the rare names. Names are common ones of each country,
 * written from general knowledge; nothing here is a real person's record.
 */
#ifndef WNGEN_DATA_H
#define WNGEN_DATA_H

typedef struct gen_country {
    const char *code;     /* ISO alpha-2 */
    const char *names[3]; /* how exports write the country */
    const char *const *male, *const *female, *const *surnames, *const *streets, *const *cities;
    int nmale, nfemale, nsurnames, nstreets, ncities;
    const char *street_type; /* "" when the type is part of the street word */
    int postal_digits;       /* 0: format by country code in wngen */
    const char *cc;          /* calling code */
    /* Random draws per phone number (wngen.c, national_number): the count of
     * the earlier generator (national length + 1, + 1 in US and IN), kept so
     * that a seed still gives the same names, addresses and dates. */
    int phone_draws;
    const char *const *domains; /* company email domains */
    int ndomains;
} gen_country;

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

static const char *const us_male[] = {
    "James",    "John",    "Robert",      "Michael",   "William", "David",   "Richard", "Joseph",
    "Thomas",   "Charles", "Christopher", "Daniel",    "Matthew", "Anthony", "Mark",    "Donald",
    "Steven",   "Paul",    "Andrew",      "Joshua",    "Kenneth", "Kevin",   "Brian",   "George",
    "Timothy",  "Ronald",  "Edward",      "Jason",     "Jeffrey", "Ryan",    "Jacob",   "Gary",
    "Nicholas", "Eric",    "Jonathan",    "Stephen",   "Larry",   "Justin",  "Scott",   "Brandon",
    "Benjamin", "Samuel",  "Gregory",     "Alexander", "Patrick", "Frank",   "Raymond", "Jack",
    "Dennis",   "Jerry",   "Tyler",       "Aaron",     "Henry",   "Douglas", "Peter",   "Adam",
    "Nathan",   "Zachary", "Walter",      "Kyle",      "Harold",  "Carl"};
static const char *const us_female[] = {
    "Mary",      "Patricia", "Jennifer", "Linda",   "Elizabeth", "Barbara",   "Susan",
    "Jessica",   "Sarah",    "Karen",    "Lisa",    "Nancy",     "Betty",     "Margaret",
    "Sandra",    "Ashley",   "Kimberly", "Emily",   "Donna",     "Michelle",  "Carol",
    "Amanda",    "Dorothy",  "Melissa",  "Deborah", "Stephanie", "Rebecca",   "Sharon",
    "Laura",     "Cynthia",  "Kathleen", "Amy",     "Angela",    "Shirley",   "Anna",
    "Brenda",    "Pamela",   "Emma",     "Nicole",  "Helen",     "Samantha",  "Katherine",
    "Christine", "Debra",    "Rachel",   "Carolyn", "Janet",     "Catherine", "Maria",
    "Heather",   "Diane",    "Ruth",     "Julie",   "Olivia",    "Joyce",     "Virginia",
    "Victoria",  "Kelly",    "Lauren"};
static const char *const us_surnames[] = {
    "Smith",     "Johnson",   "Williams",   "Brown",     "Jones",     "Garcia",        "Miller",
    "Davis",     "Rodriguez", "Martinez",   "Hernandez", "Lopez",     "Gonzalez",      "Wilson",
    "Anderson",  "Thomas",    "Taylor",     "Moore",     "Jackson",   "Martin",        "Lee",
    "Perez",     "Thompson",  "White",      "Harris",    "Sanchez",   "Clark",         "Ramirez",
    "Lewis",     "Robinson",  "Walker",     "Young",     "Allen",     "King",          "Wright",
    "Scott",     "Torres",    "Nguyen",     "Hill",      "Flores",    "Green",         "Adams",
    "Nelson",    "Baker",     "Hall",       "Rivera",    "Campbell",  "Mitchell",      "Carter",
    "Roberts",   "Gomez",     "Phillips",   "Evans",     "Turner",    "Diaz",          "Parker",
    "Cruz",      "Edwards",   "Collins",    "Reyes",     "Stewart",   "Morris",        "Morales",
    "Murphy",    "Cook",      "Rogers",     "Gutierrez", "Ortiz",     "Morgan",        "Cooper",
    "Peterson",  "Bailey",    "Reed",       "Kelly",     "Howard",    "Ramos",         "Kim",
    "Cox",       "Ward",      "Richardson", "Watson",    "Brooks",    "Chavez",        "Wood",
    "James",     "Bennett",   "Gray",       "Mendoza",   "Ruiz",      "Hughes",        "Price",
    "Alvarez",   "Castillo",  "Sanders",    "Patel",     "Myers",     "Long",          "Ross",
    "Foster",    "Jimenez",   "O'Brien",    "McDonald",  "Van Buren", "Wojciechowski", "Kowalczyk",
    "Fitzgerald"};
static const char *const us_streets[] = {
    "Main",   "Oak",      "Pine",   "Maple",    "Cedar",    "Elm",      "Washington",
    "Lake",   "Hill",     "Park",   "Walnut",   "Sunset",   "Lincoln",  "Jackson",
    "Church", "River",    "Willow", "Highland", "Market",   "Franklin", "Madison",
    "Spring", "Chestnut", "Ridge",  "Center",   "Jefferson"};
static const char *const us_cities[] = {
    "New York",    "Los Angeles", "Chicago",    "Houston",  "Phoenix", "Philadelphia",
    "San Antonio", "San Diego",   "Dallas",     "Austin",   "Seattle", "Denver",
    "Boston",      "Nashville",   "Portland",   "Atlanta",  "Miami",   "Minneapolis",
    "Tampa",       "Cleveland",   "Pittsburgh", "St. Louis"};
static const char *const us_domains[] = {"acme.com",  "globex.com",   "initech.com", "umbrella.com",
                                         "hooli.com", "vandelay.com", "stark.com"};

static const char *const gb_male[] = {
    "Oliver", "George",  "Harry",  "Jack",      "Jacob",  "Noah",   "Charlie",  "Thomas",
    "Oscar",  "William", "James",  "Leo",       "Alfie",  "Henry",  "Joshua",   "Freddie",
    "Archie", "Ethan",   "Isaac",  "Alexander", "Joseph", "Edward", "Samuel",   "Max",
    "Daniel", "Arthur",  "Lucas",  "Mohammed",  "Logan",  "Theo",   "Harrison", "Benjamin",
    "Adam",   "Dylan",   "Finley", "Sebastian"};
static const char *const gb_female[] = {
    "Olivia",    "Amelia",   "Isla",   "Ava",     "Emily",   "Isabella", "Mia",
    "Poppy",     "Ella",     "Lily",   "Sophia",  "Grace",   "Evie",     "Charlotte",
    "Jessica",   "Daisy",    "Sophie", "Alice",   "Freya",   "Florence", "Ruby",
    "Harriet",   "Matilda",  "Phoebe", "Eleanor", "Lucy",    "Margaret", "Elizabeth",
    "Katherine", "Victoria", "Emma",   "Hannah",  "Rebecca", "Chloe"};
static const char *const gb_surnames[] = {
    "Smith",     "Jones",     "Williams", "Taylor",  "Brown",    "Davies",     "Evans",
    "Wilson",    "Thomas",    "Johnson",  "Roberts", "Robinson", "Thompson",   "Wright",
    "Walker",    "White",     "Edwards",  "Hughes",  "Green",    "Hall",       "Lewis",
    "Harris",    "Clarke",    "Patel",    "Jackson", "Wood",     "Turner",     "Martin",
    "Cooper",    "Hill",      "Ward",     "Morris",  "Moore",    "Clark",      "Lee",
    "King",      "Baker",     "Harrison", "Morgan",  "Allen",    "James",      "Scott",
    "Phillips",  "Watson",    "Davis",    "Parker",  "Price",    "Bennett",    "Young",
    "Griffiths", "Mitchell",  "Kelly",    "Cook",    "Carter",   "Richardson", "Bailey",
    "Collins",   "Bell",      "Shaw",     "Murphy",  "Miller",   "Cox",        "Richards",
    "Khan",      "Marshall",  "Anderson", "Simpson", "Ellis",    "Adams",      "Singh",
    "Begum",     "Wilkinson", "Foster",   "Chapman", "Powell",   "Webb",       "Rogers",
    "Gray",      "Mason",     "Ali",      "Hunt",    "Hussain",  "Campbell",   "Matthews",
    "Owen",      "Palmer",    "Holmes",   "Mills"};
static const char *const gb_streets[] = {
    "High",   "Station", "Church", "Victoria", "Green",  "Manor",   "Park", "Queens", "Kings",
    "Grange", "Mill",    "Albert", "New",      "London", "Windsor", "York", "School", "North"};
static const char *const gb_cities[] = {
    "London",    "Birmingham", "Manchester", "Leeds",   "Glasgow",    "Liverpool", "Bristol",
    "Sheffield", "Edinburgh",  "Leicester",  "Cardiff", "Nottingham", "Coventry",  "Belfast"};
static const char *const gb_domains[] = {"example.co.uk", "tesco-mail.co.uk", "barclays-corp.co.uk",
                                         "bt-group.co.uk"};

static const char *const de_male[] = {
    "Peter",     "Michael", "Thomas", "Andreas",   "Wolfgang", "Klaus",      "Jürgen",   "Stefan",
    "Christian", "Uwe",     "Werner", "Hans",      "Frank",    "Bernd",      "Matthias", "Markus",
    "Alexander", "Martin",  "Helmut", "Dieter",    "Jörg",     "Sebastian",  "Ralf",     "Günter",
    "Tobias",    "Jan",     "Lukas",  "Florian",   "Johannes", "Maximilian", "Felix",    "Paul",
    "Jonas",     "Leon",    "Karl",   "Friedrich", "Heinrich", "Josef",      "Franz"};
static const char *const de_female[] = {
    "Ursula",   "Monika",   "Petra", "Sabine",    "Renate",    "Helga",    "Karin",
    "Brigitte", "Ingrid",   "Elke",  "Gabriele",  "Andrea",    "Birgit",   "Susanne",
    "Claudia",  "Stefanie", "Julia", "Katharina", "Anna",      "Laura",    "Lena",
    "Sarah",    "Lisa",     "Jana",  "Nicole",    "Christina", "Sandra",   "Marie",
    "Sophie",   "Hannah",   "Lea",   "Johanna",   "Margarete", "Elisabeth"};
static const char *const de_surnames[] = {
    "Müller",        "Schmidt",  "Schneider", "Fischer", "Weber",   "Meyer",      "Wagner",
    "Becker",        "Schulz",   "Hoffmann",  "Schäfer", "Koch",    "Bauer",      "Richter",
    "Klein",         "Wolf",     "Schröder",  "Neumann", "Schwarz", "Zimmermann", "Braun",
    "Krüger",        "Hofmann",  "Hartmann",  "Lange",   "Schmitt", "Werner",     "Schmitz",
    "Krause",        "Meier",    "Lehmann",   "Schmid",  "Schulze", "Maier",      "Köhler",
    "Herrmann",      "König",    "Walter",    "Mayer",   "Huber",   "Kaiser",     "Fuchs",
    "Peters",        "Lang",     "Scholz",    "Möller",  "Weiß",    "Jung",       "Hahn",
    "Schubert",      "Vogel",    "Friedrich", "Keller",  "Günther", "Frank",      "Berger",
    "Winkler",       "Roth",     "Beck",      "Lorenz",  "Baumann", "Franke",     "Albrecht",
    "Schuster",      "Simon",    "Ludwig",    "Böhm",    "Winter",  "Kraus",      "Martin",
    "von der Heide", "Großmann", "Oßwald"};
static const char *const de_streets[] = {
    "Haupt",  "Schul",  "Garten", "Bahnhof", "Dorf",   "Berg",     "Kirch",  "Wald", "Ring",
    "Linden", "Sonnen", "Wiesen", "Birken",  "Goethe", "Schiller", "Mühlen", "Park", "Feld"};
static const char *const de_cities[] = {
    "Berlin",    "Hamburg",    "München",  "Köln",     "Frankfurt am Main",
    "Stuttgart", "Düsseldorf", "Leipzig",  "Dortmund", "Essen",
    "Bremen",    "Dresden",    "Hannover", "Nürnberg", "Duisburg"};
static const char *const de_domains[] = {"beispiel.de", "firma.de", "muster-gmbh.de", "web-ag.de"};

static const char *const fr_male[] = {
    "Jean",    "Pierre",    "Michel",  "André",      "Philippe",  "Alain",    "Jacques", "Bernard",
    "Daniel",  "Patrick",   "Nicolas", "Christophe", "Laurent",   "Frédéric", "Éric",    "Stéphane",
    "Julien",  "Sébastien", "Thomas",  "Lucas",      "Hugo",      "Louis",    "Gabriel", "Arthur",
    "Raphaël", "Jules",     "Antoine", "François",   "Guillaume", "Mathieu"};
static const char *const fr_female[] = {
    "Marie",     "Nathalie", "Isabelle", "Sylvie",   "Catherine", "Françoise", "Valérie",
    "Christine", "Sandrine", "Monique",  "Nicole",   "Céline",    "Julie",     "Camille",
    "Léa",       "Manon",    "Emma",     "Chloé",    "Inès",      "Sophie",    "Élodie",
    "Aurélie",   "Émilie",   "Hélène",   "Juliette", "Louise",    "Anne",      "Claire"};
static const char *const fr_surnames[] = {
    "Martin",    "Bernard",        "Thomas",   "Petit",    "Robert",   "Richard",  "Durand",
    "Dubois",    "Moreau",         "Laurent",  "Simon",    "Michel",   "Lefebvre", "Leroy",
    "Roux",      "David",          "Bertrand", "Morel",    "Fournier", "Girard",   "Bonnet",
    "Dupont",    "Lambert",        "Fontaine", "Rousseau", "Vincent",  "Muller",   "Lefèvre",
    "Faure",     "André",          "Mercier",  "Blanc",    "Guérin",   "Boyer",    "Garnier",
    "Chevalier", "François",       "Legrand",  "Gauthier", "Garcia",   "Perrin",   "Robin",
    "Clément",   "Morin",          "Nicolas",  "Henry",    "Roussel",  "Mathieu",  "Gautier",
    "Masson",    "de la Fontaine", "Le Gall",  "d'Arcy"};
static const char *const fr_streets[] = {
    "de la République", "Victor Hugo", "Jean Jaurès", "de la Gare",
    "Pasteur",          "de Paris",    "Gambetta",    "du Général de Gaulle",
    "des Écoles",       "de l'Église", "Voltaire",    "Nationale"};
static const char *const fr_cities[] = {"Paris",    "Marseille",     "Lyon",       "Toulouse",
                                        "Nice",     "Nantes",        "Strasbourg", "Montpellier",
                                        "Bordeaux", "Lille",         "Rennes",     "Reims",
                                        "Le Havre", "Saint-Étienne", "Toulon"};
static const char *const fr_domains[] = {"exemple.fr", "societe.fr", "entreprise.fr"};

static const char *const es_male[] = {
    "Antonio",   "José",   "Manuel",  "Francisco", "David",     "Juan",         "Javier",  "Daniel",
    "José Luis", "Carlos", "Jesús",   "Alejandro", "Miguel",    "José Antonio", "Rafael",  "Pablo",
    "Pedro",     "Ángel",  "Sergio",  "Fernando",  "Jorge",     "Luis",         "Alberto", "Álvaro",
    "Adrián",    "Diego",  "Enrique", "Ignacio",   "Guillermo", "Roberto",      "Eduardo"};
static const char *const es_female[] = {
    "María Carmen", "María",     "Carmen",        "Ana María", "Laura",    "María Pilar",
    "Josefa",       "Isabel",    "María Dolores", "Cristina",  "Marta",    "Lucía",
    "Ana",          "Francisca", "Elena",         "Sara",      "Paula",    "Raquel",
    "Rosa",         "Pilar",     "Concepción",    "Manuela",   "Mercedes", "Dolores",
    "Teresa",       "Rosario",   "Guadalupe"};
static const char *const es_surnames[] = {
    "García",  "Rodríguez",  "González", "Fernández", "López",  "Martínez",  "Sánchez",
    "Pérez",   "Gómez",      "Martín",   "Jiménez",   "Ruiz",   "Hernández", "Díaz",
    "Moreno",  "Muñoz",      "Álvarez",  "Romero",    "Alonso", "Gutiérrez", "Navarro",
    "Torres",  "Domínguez",  "Vázquez",  "Ramos",     "Gil",    "Ramírez",   "Serrano",
    "Blanco",  "Molina",     "Morales",  "Suárez",    "Ortega", "Delgado",   "Castro",
    "Ortiz",   "Rubio",      "Marín",    "Sanz",      "Núñez",  "Iglesias",  "Medina",
    "Garrido", "de la Cruz", "del Río"};
static const char *const es_streets[] = {
    "Mayor",    "Real",         "de la Iglesia", "del Sol",
    "Nueva",    "de Cervantes", "San Juan",      "de la Constitución",
    "Gran Vía", "de Alcalá",    "del Carmen",    "de Goya"};
static const char *const es_cities[] = {"Madrid",  "Barcelona",  "Valencia", "Sevilla", "Zaragoza",
                                        "Málaga",  "Murcia",     "Palma",    "Bilbao",  "Alicante",
                                        "Córdoba", "Valladolid", "Vigo",     "Gijón"};
static const char *const es_domains[] = {"ejemplo.es", "empresa.es", "correo-sl.es"};

static const char *const in_male[] = {
    "Rahul",  "Amit",    "Rajesh", "Suresh",   "Ramesh", "Sanjay", "Vijay",  "Anil",   "Sunil",
    "Arjun",  "Rohit",   "Vikram", "Aditya",   "Karan",  "Manoj",  "Deepak", "Ashok",  "Rakesh",
    "Nikhil", "Pradeep", "Sachin", "Mohammed", "Imran",  "Ravi",   "Ajay",   "Harish", "Venkatesh"};
static const char *const in_female[] = {
    "Priya",   "Anjali", "Sunita", "Pooja",     "Neha",   "Kavita", "Anita",  "Deepa",
    "Lakshmi", "Sneha",  "Divya",  "Swati",     "Meena",  "Rekha",  "Asha",   "Geeta",
    "Shalini", "Nisha",  "Radha",  "Aishwarya", "Fatima", "Ayesha", "Shruti", "Kiran"};
static const char *const in_surnames[] = {
    "Sharma",     "Singh",    "Kumar",    "Patel", "Gupta",   "Verma",  "Reddy",    "Rao",
    "Iyer",       "Nair",     "Das",      "Joshi", "Mehta",   "Shah",   "Mishra",   "Yadav",
    "Chatterjee", "Banerjee", "Pillai",   "Menon", "Agarwal", "Khan",   "Malhotra", "Kapoor",
    "Bhat",       "Desai",    "Kulkarni", "Naidu", "Pandey",  "Chopra", "Saxena",   "Srinivasan",
    "Krishnan",   "Ahmed",    "Thakur",   "Jain"};
static const char *const in_streets[] = {"MG",        "Station", "Gandhi", "Nehru",
                                         "Temple",    "Church",  "Market", "Lake",
                                         "Residency", "Brigade", "Park",   "Mall"};
static const char *const in_cities[] = {"Mumbai",  "Delhi",   "Bengaluru", "Hyderabad", "Ahmedabad",
                                        "Chennai", "Kolkata", "Pune",      "Jaipur",    "Lucknow",
                                        "Kanpur",  "Nagpur",  "Indore",    "Kochi"};
static const char *const in_domains[] = {"example.in", "infotech.co.in", "tata-corp.in"};

/* Russian names in Cyrillic; wngen writes some records in Latin letters. */
static const char *const ru_male[] = {
    "Александр", "Сергей",  "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван", "Михаил",
    "Владимир",  "Николай", "Павел",   "Артём",  "Олег",    "Игорь",  "Роман",   "Юрий"};
static const char *const ru_female[] = {"Елена",     "Ольга",  "Наталья",   "Татьяна",  "Анна",
                                        "Мария",     "Ирина",  "Екатерина", "Светлана", "Юлия",
                                        "Анастасия", "Марина", "Дарья",     "Людмила",  "Галина"};
static const char *const ru_surnames[] = {
    "Иванов",  "Смирнов", "Кузнецов", "Попов",    "Васильев", "Петров",  "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов",  "Волков",   "Алексеев", "Лебедев", "Семёнов", "Егоров",
    "Павлов",  "Козлов",  "Степанов", "Николаев", "Орлов",    "Андреев", "Макаров", "Никитин"};
static const char *const ru_streets[] = {"Ленина",    "Тверская", "Мира",    "Садовая",
                                         "Советская", "Гагарина", "Пушкина", "Лесная"};
static const char *const ru_cities[] = {"Москва",       "Санкт-Петербург", "Новосибирск",
                                        "Екатеринбург", "Казань",          "Нижний Новгород"};
static const char *const ru_domains[] = {"primer.ru", "kompaniya.ru"};

static const gen_country gen_countries[] = {
    {"US",
     {"United States", "USA", "US"},
     us_male,
     us_female,
     us_surnames,
     us_streets,
     us_cities,
     N(us_male),
     N(us_female),
     N(us_surnames),
     N(us_streets),
     N(us_cities),
     "Street",
     5,
     "1",
     12,
     us_domains,
     N(us_domains)},
    {"GB",
     {"United Kingdom", "UK", "GB"},
     gb_male,
     gb_female,
     gb_surnames,
     gb_streets,
     gb_cities,
     N(gb_male),
     N(gb_female),
     N(gb_surnames),
     N(gb_streets),
     N(gb_cities),
     "Road",
     0,
     "44",
     11,
     gb_domains,
     N(gb_domains)},
    {"DE",
     {"Germany", "Deutschland", "DE"},
     de_male,
     de_female,
     de_surnames,
     de_streets,
     de_cities,
     N(de_male),
     N(de_female),
     N(de_surnames),
     N(de_streets),
     N(de_cities),
     "straße",
     5,
     "49",
     11,
     de_domains,
     N(de_domains)},
    {"FR",
     {"France", "FR", "France"},
     fr_male,
     fr_female,
     fr_surnames,
     fr_streets,
     fr_cities,
     N(fr_male),
     N(fr_female),
     N(fr_surnames),
     N(fr_streets),
     N(fr_cities),
     "Rue",
     5,
     "33",
     10,
     fr_domains,
     N(fr_domains)},
    {"ES",
     {"Spain", "España", "ES"},
     es_male,
     es_female,
     es_surnames,
     es_streets,
     es_cities,
     N(es_male),
     N(es_female),
     N(es_surnames),
     N(es_streets),
     N(es_cities),
     "Calle",
     5,
     "34",
     10,
     es_domains,
     N(es_domains)},
    {"IN",
     {"India", "IN", "India"},
     in_male,
     in_female,
     in_surnames,
     in_streets,
     in_cities,
     N(in_male),
     N(in_female),
     N(in_surnames),
     N(in_streets),
     N(in_cities),
     "Road",
     6,
     "91",
     12,
     in_domains,
     N(in_domains)},
    {"RU",
     {"Russia", "Russian Federation", "RU"},
     ru_male,
     ru_female,
     ru_surnames,
     ru_streets,
     ru_cities,
     N(ru_male),
     N(ru_female),
     N(ru_surnames),
     N(ru_streets),
     N(ru_cities),
     "ул.",
     6,
     "7",
     11,
     ru_domains,
     N(ru_domains)},
};

/* Share of customers per country, in percent, in gen_countries order. */
static const int gen_country_weights[] = {40, 15, 14, 10, 8, 8, 5};

static const char *const gen_freemail[] = {
    "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "gmx.de",
    "web.de",    "orange.fr", "icloud.com",  "mail.ru",     "rediffmail.com"};

static const char *const gen_nicknames[][2] = {
    {"William", "Bill"},      {"William", "Will"},    {"Robert", "Bob"},     {"Robert", "Rob"},
    {"Richard", "Dick"},      {"Richard", "Rick"},    {"James", "Jim"},      {"Michael", "Mike"},
    {"Joseph", "Joe"},        {"Thomas", "Tom"},      {"David", "Dave"},     {"Daniel", "Dan"},
    {"Christopher", "Chris"}, {"Anthony", "Tony"},    {"Steven", "Steve"},   {"Edward", "Ed"},
    {"Benjamin", "Ben"},      {"Samuel", "Sam"},      {"Nicholas", "Nick"},  {"Matthew", "Matt"},
    {"Andrew", "Andy"},       {"Alexander", "Alex"},  {"Elizabeth", "Liz"},  {"Elizabeth", "Beth"},
    {"Margaret", "Peggy"},    {"Margaret", "Maggie"}, {"Katherine", "Kate"}, {"Katherine", "Katie"},
    {"Jennifer", "Jenny"},    {"Patricia", "Patty"},  {"Rebecca", "Becky"},  {"Deborah", "Debbie"},
    {"Victoria", "Vicky"},    {"Samantha", "Sam"},    {"Kenneth", "Ken"},    {"Timothy", "Tim"},
    {"Gregory", "Greg"},      {"Jonathan", "Jon"},    {"Francisco", "Paco"}, {"José", "Pepe"},
    {"Johannes", "Hans"},     {"Josef", "Sepp"},      {"Александр", "Саша"},
};

/* ---- skewed names (wngen --names skewed) ------------------------------------
 *
 * In Korean and Vietnamese customer files a few dozen family names cover
 * most people, so a blocking key on the family name puts a fifth of the file
 * in one block, and name agreement is weak evidence. Shares are given, not
 * drawn from a Zipf curve, and real exports spell one name several ways.
 *
 * A gen_spelled is a name, its share and its spellings: forms[0] the usual
 * one, the others variants common in real exports for the same name (Lee,
 * Yi, Rhee; rare ones such as Gim for Kim are left out). Vietnamese names
 * are written with their diacritics; wngen folds them to ASCII (Nguyễn ->
 * Nguyen) for people, and duplicates, typed without.
 */
typedef struct gen_spelled {
    int share;            /* family names: 1/100 of a percent of the population; others: weight */
    const char *forms[4]; /* spellings, the usual one first */
} gen_spelled;

/* Korean family names with their shares of the population: Statistics Korea
 * (KOSTAT), 2015 Population and Housing Census, surnames and clans (Kim
 * 21.5%, Lee 14.7%, Park 8.4%, ...; shares under 0.3% rounded). These 49
 * names hold 92% of the population; wngen draws within the list, so each
 * share is scaled by 1/0.92. Spellings: the forms found in passports and
 * exports (McCune-Reischauer, Revised Romanization, customary ones). */
static const gen_spelled kr_families[] = {
    {2150, {"Kim"}},
    {1470, {"Lee", "Yi", "Rhee", "I"}},
    {840, {"Park", "Pak", "Bak"}},
    {470, {"Choi", "Choe"}},
    {440, {"Jung", "Jeong", "Chung"}},
    {230, {"Kang"}},
    {210, {"Cho", "Jo"}},
    {210, {"Yoon", "Yun"}},
    {200, {"Jang", "Chang"}},
    {170, {"Lim", "Im", "Rim"}},
    {150, {"Han"}},
    {150, {"Oh"}},
    {150, {"Seo", "Suh"}},
    {150, {"Shin", "Sin"}},
    {140, {"Kwon"}},
    {140, {"Hwang"}},
    {140, {"Ahn", "An"}},
    {140, {"Song"}},
    {110, {"Jeon", "Jun", "Chun"}},
    {110, {"Hong"}},
    {110, {"Yoo", "Yu"}},
    {90, {"Ko", "Go", "Koh"}},
    {90, {"Moon", "Mun"}},
    {90, {"Yang"}},
    {90, {"Son", "Sohn"}},
    {80, {"Bae", "Pae"}},
    {80, {"Baek", "Paik", "Baik"}},
    {70, {"Heo", "Hur", "Huh"}},
    {60, {"Nam"}},
    {50, {"Shim", "Sim"}},
    {50, {"Noh", "Roh", "No"}},
    {50, {"Ha"}},
    {40, {"Kwak"}},
    {40, {"Sung", "Seong"}},
    {40, {"Cha"}},
    {40, {"Joo", "Ju"}},
    {40, {"Woo"}},
    {40, {"Koo", "Gu", "Ku"}},
    {30, {"Min"}},
    {30, {"Ryu", "Ryoo", "Yu"}},
    {30, {"Na", "Ra"}},
    {30, {"Jin", "Chin"}},
    {30, {"Ji", "Chi"}},
    {30, {"Eom", "Um", "Uhm"}},
    {30, {"Chae"}},
    {30, {"Won"}},
    {20, {"Cheon", "Chun"}},
    {20, {"Bang"}},
    {20, {"Gong", "Kong"}},
};

/* Korean given names are two syllables, and a few dozen syllables make most
 * of them (Min-jun, Seo-yeon, Ji-hoon). Weights are rough, from general
 * knowledge of common names; variants are the other romanisations. */
static const gen_spelled kr_male_first[] = {
    {10, {"min"}},        {6, {"seo"}},
    {6, {"do"}},          {5, {"ye"}},
    {4, {"si"}},          {4, {"ha"}},
    {5, {"joo", "ju"}},   {6, {"ji"}},
    {5, {"jun", "joon"}}, {6, {"hyun", "hyeon"}},
    {6, {"dong"}},        {6, {"sung", "seong"}},
    {6, {"jae"}},         {6, {"young", "yeong"}},
    {5, {"sang"}},        {5, {"jung", "jeong"}},
    {5, {"seung"}},       {4, {"tae"}},
    {4, {"jin"}},         {4, {"kyung", "gyeong"}},
    {3, {"woo"}},         {3, {"yoon", "yun"}},
    {3, {"chang"}},       {2, {"hyo"}},
};
static const gen_spelled kr_male_second[] = {
    {10, {"jun", "joon"}}, {8, {"woo"}},           {8, {"hyun", "hyeon"}}, {7, {"ho"}},
    {7, {"hoon"}},         {7, {"min"}},           {5, {"seo"}},           {5, {"won"}},
    {4, {"yun", "yoon"}},  {6, {"jin"}},           {6, {"soo", "su"}},     {4, {"sik"}},
    {5, {"hwan"}},         {5, {"chul", "cheol"}}, {4, {"hyuk", "hyeok"}}, {4, {"young", "yeong"}},
    {5, {"seok", "suk"}},  {3, {"bin"}},           {3, {"jae"}},           {3, {"gyu", "kyu"}},
};
static const gen_spelled kr_female_first[] = {
    {8, {"seo"}},
    {9, {"ji"}},
    {7, {"min"}},
    {5, {"ha"}},
    {6, {"soo", "su"}},
    {5, {"ye"}},
    {7, {"eun"}},
    {6, {"hye"}},
    {4, {"yoo", "yu"}},
    {3, {"da"}},
    {3, {"na"}},
    {6, {"mi"}},
    {6, {"young", "yeong"}},
    {5, {"jung", "jeong"}},
    {5, {"hyun", "hyeon"}},
    {5, {"kyung", "gyeong"}},
    {4, {"yeon"}},
    {3, {"chae"}},
    {4, {"so"}},
    {3, {"sun"}},
};
static const gen_spelled kr_female_second[] = {
    {10, {"yeon"}},
    {6, {"yun", "yoon"}},
    {7, {"eun"}},
    {7, {"jin"}},
    {6, {"min"}},
    {8, {"hee", "hui"}},
    {7, {"young", "yeong"}},
    {5, {"ah", "a"}},
    {4, {"won"}},
    {6, {"jung", "jeong"}},
    {5, {"kyung", "gyeong"}},
    {5, {"sook", "suk"}},
    {3, {"ja"}},
    {4, {"bin"}},
    {3, {"rin"}},
    {4, {"seo"}},
    {4, {"hyun", "hyeon"}},
    {3, {"na"}},
    {5, {"ji"}},
    {4, {"mi"}},
};

/* Vietnamese family names with the shares usually quoted for Vietnam (e.g.
 * English Wikipedia, "Vietnamese name": Nguyen about 38%, Tran 11%, Le 9.5%,
 * Pham 7.1%, Hoang/Huynh 5.1%, Phan 4.5%, Vu/Vo 3.9%, Dang 2.1%, Bui 2%,
 * Do 1.4%, Ho 1.3%, Ngo 1.3%, Duong 1%, Ly 0.5%; the split of Hoang/Huynh
 * and Vu/Vo and the rest of the list, smaller shares, from general
 * knowledge). The list holds 93%; wngen draws within it. */
static const gen_spelled vn_families[] = {
    {3840, {"Nguyễn"}}, {1100, {"Trần"}}, {950, {"Lê"}},  {710, {"Phạm"}},  {310, {"Hoàng"}},
    {200, {"Huỳnh"}},   {450, {"Phan"}},  {200, {"Vũ"}},  {190, {"Võ"}},    {210, {"Đặng"}},
    {200, {"Bùi"}},     {140, {"Đỗ"}},    {130, {"Hồ"}},  {130, {"Ngô"}},   {100, {"Dương"}},
    {50, {"Lý"}},       {40, {"Đào"}},    {40, {"Đoàn"}}, {40, {"Trương"}}, {30, {"Lâm"}},
    {30, {"Mai"}},      {30, {"Trịnh"}},  {30, {"Đinh"}}, {30, {"Lương"}},  {20, {"Cao"}},
    {20, {"Tô"}},       {20, {"Hà"}},     {20, {"Lưu"}},  {10, {"Tạ"}},     {10, {"Châu"}},
};

/* Middle names (Văn for men and Thị for women above all) and given names. */
static const gen_spelled vn_male_middle[] = {
    {40, {"Văn"}}, {10, {"Đức"}},  {10, {"Minh"}}, {6, {"Quốc"}}, {6, {"Hữu"}},   {6, {"Thanh"}},
    {5, {"Công"}}, {5, {"Quang"}}, {4, {"Xuân"}},  {4, {"Ngọc"}}, {4, {"Hoàng"}},
};
static const gen_spelled vn_female_middle[] = {
    {45, {"Thị"}}, {10, {"Ngọc"}},  {7, {"Thu"}}, {6, {"Thanh"}}, {5, {"Kim"}},   {5, {"Hồng"}},
    {4, {"Minh"}}, {4, {"Phương"}}, {4, {"Mỹ"}},  {3, {"Bảo"}},   {3, {"Khánh"}}, {4, {"Diệu"}},
};
static const gen_spelled vn_male_given[] = {
    {10, {"Anh"}},  {8, {"Minh"}}, {7, {"Hùng"}},  {6, {"Dũng"}},  {7, {"Tuấn"}},
    {6, {"Nam"}},   {5, {"Long"}}, {6, {"Hải"}},   {5, {"Sơn"}},   {5, {"Thành"}},
    {4, {"Quang"}}, {4, {"Đức"}},  {4, {"Hoàng"}}, {3, {"Phúc"}},  {3, {"Khoa"}},
    {5, {"Huy"}},   {3, {"Bảo"}},  {4, {"Trung"}}, {4, {"Thắng"}}, {4, {"Cường"}},
    {3, {"Hiếu"}},  {3, {"Tùng"}}, {3, {"Việt"}},  {2, {"Khang"}}, {3, {"Vinh"}},
};
static const gen_spelled vn_female_given[] = {
    {8, {"Anh"}},   {8, {"Linh"}}, {7, {"Hương"}}, {6, {"Lan"}},  {6, {"Mai"}},
    {7, {"Trang"}}, {6, {"Thảo"}}, {5, {"Hoa"}},   {5, {"Ngọc"}}, {5, {"Phương"}},
    {4, {"Hạnh"}},  {5, {"Hằng"}}, {4, {"Nhung"}}, {4, {"Thu"}},  {5, {"Hà"}},
    {4, {"Yến"}},   {4, {"Nga"}},  {4, {"Vy"}},    {4, {"Hiền"}}, {4, {"Dung"}},
    {3, {"Oanh"}},  {3, {"Tâm"}},  {3, {"Chi"}},   {3, {"My"}},   {3, {"Nhi"}},
};

static const char *const kr_streets[] = {"Teheran", "Sejong", "Gangnam",   "Jongno",
                                         "Eulji",   "Toegye", "Hangang",   "Dosan",
                                         "Olympic", "Gukhoe", "Yeongdong", "Songpa"};
static const char *const kr_cities[] = {"Seoul",   "Busan",    "Incheon", "Daegu",    "Daejeon",
                                        "Gwangju", "Suwon",    "Ulsan",   "Changwon", "Goyang",
                                        "Yongin",  "Seongnam", "Bucheon", "Cheongju", "Jeonju"};
static const char *const kr_domains[] = {"example.co.kr", "hanbit-corp.co.kr", "daehan-tech.kr"};
static const char *const vn_streets[] = {"Lê Lợi",       "Nguyễn Huệ",          "Trần Hưng Đạo",
                                         "Hai Bà Trưng", "Lý Thường Kiệt",      "Điện Biên Phủ",
                                         "Hoàng Diệu",   "Phạm Ngũ Lão",        "Nguyễn Trãi",
                                         "Lê Duẩn",      "Cách Mạng Tháng Tám", "Võ Văn Tần"};
static const char *const vn_cities[] = {"Hồ Chí Minh", "Hà Nội",        "Đà Nẵng",   "Hải Phòng",
                                        "Cần Thơ",     "Biên Hòa",      "Nha Trang", "Huế",
                                        "Vũng Tàu",    "Buôn Ma Thuột", "Quy Nhơn",  "Thủ Đức"};
static const char *const vn_domains[] = {"example.vn", "congty.com.vn", "viet-trade.vn"};

/* The countries of --names skewed. Their name lists are the tables above,
 * so the gen_country name fields are empty. KR streets are written
 * "Teheran-ro 152", VN ones "12 Đường Lê Lợi" (wngen.c, make_person). */
static const gen_country gen_skewed_countries[] = {
    {"KR",
     {"South Korea", "Korea", "KR"},
     NULL,
     NULL,
     NULL,
     kr_streets,
     kr_cities,
     0,
     0,
     0,
     N(kr_streets),
     N(kr_cities),
     "-ro",
     5,
     "82",
     11,
     kr_domains,
     N(kr_domains)},
    {"VN",
     {"Vietnam", "Viet Nam", "VN"},
     NULL,
     NULL,
     NULL,
     vn_streets,
     vn_cities,
     0,
     0,
     0,
     N(vn_streets),
     N(vn_cities),
     "Đường",
     5,
     "84",
     10,
     vn_domains,
     N(vn_domains)},
};

/* Share of customers per country, in percent, in gen_skewed_countries order. */
static const int gen_skewed_country_weights[] = {55, 45};

/* Phone numbers: real ranges of each country's national numbering plan, as
 * patterns of the national significant number (no trunk prefix): a digit is
 * itself, N is 2-9, X any digit. Numbers of made-up length and prefix were
 * mostly ranges that do not exist (US area codes never assigned, German 015
 * mobiles a digit short), which winnow rightly calls invalid: the quality
 * truth no longer said what a plan-checking engine finds, and invalid phones
 * are weak match evidence. Each pattern is a handful of well-known area codes
 * or mobile prefixes with the length of its numbers; every digit an X or N
 * stands for may be anything that letter allows (checked with libphonenumber
 * 8.12.57, the metadata rules/data/phone_plans.csv comes from), so a drawn
 * number, or one with a mistyped subscriber digit, is valid and of its type:
 * `fixed` numbers are fixed-line (fixed-or-mobile in NANP, which does not tell
 * them apart), `mobile` numbers mobile. Sources: NANPA's area codes (N is the
 * exchange's first digit); Ofcom's National Telephone Numbering Plan (020 3/7/8
 * London, 0121 Birmingham, 0161 Manchester, ...; 071-075 and 077-079 mobile,
 * less the ranges of Guernsey, Jersey and Man such as 07781, 07509, 07624:
 * another region); Bundesnetzagentur's
 * Vorwahlen (030 Berlin, 040 Hamburg, 089 München, ...) and mobile 015x
 * (11 digits), 016x/017x (10 digits); ARCEP (01 Paris, 02-05 the regions,
 * 06 and 073-078 mobile); Spain's Plan Nacional de Numeración (91 Madrid,
 * 93 Barcelona, 954 Sevilla, ...; 6 and 71-74 mobile, always written +34: no
 * trunk prefix); India's National Numbering Plan 2003 (11 Delhi, 22 Mumbai,
 * 80 Bengaluru, 44 Chennai, 33 Kolkata, 40 Hyderabad, 20 Pune; mobile 9x, 70,
 * 60, 69: 6-8 also hold fixed-line ranges); Rossvyaz (ABC 495/499 Moscow,
 * 812 St Petersburg, ...; DEF 9xx mobile); Korea's MSIT (02 Seoul, 031
 * Gyeonggi, 032 Incheon, 051 Busan, ...; 010 mobile); Vietnam's 2018 plan
 * (024 Hanoi, 028 Ho Chi Minh City, 0236 Da Nang, ...; 03, 07, 08, 09
 * mobile). */
typedef struct gen_phone_plan {
    const char *code; /* ISO alpha-2, as gen_country */
    const char *const *fixed, *const *mobile;
    int nfixed, nmobile;
} gen_phone_plan;

static const char *const us_phone[] = {"212NXXXXXX", "213NXXXXXX", "312NXXXXXX", "415NXXXXXX",
                                       "617NXXXXXX", "202NXXXXXX", "305NXXXXXX", "713NXXXXXX",
                                       "206NXXXXXX", "404NXXXXXX", "214NXXXXXX", "602NXXXXXX",
                                       "303NXXXXXX", "215NXXXXXX", "512NXXXXXX", "702NXXXXXX"};
static const char *const gb_fixed[] = {"207XXXXXXX", "208XXXXXXX", "203XXXXXXX", "1214XXXXXX",
                                       "1212XXXXXX", "161XXXXXXX", "1314XXXXXX", "141XXXXXXX",
                                       "1132XXXXXX", "1179XXXXXX", "151XXXXXXX", "1142XXXXXX",
                                       "1159XXXXXX", "292XXXXXXX", "1223XXXXXX", "1865XXXXXX"};
static const char *const gb_mobile[] = {"7412XXXXXX", "7450XXXXXX", "7501XXXXXX", "7588XXXXXX",
                                        "7723XXXXXX", "7766XXXXXX", "7809XXXXXX", "7852XXXXXX",
                                        "7903XXXXXX", "7940XXXXXX", "7960XXXXXX", "7970XXXXXX"};
static const char *const de_fixed[] = {"30NXXXXXXX", "40NXXXXXXX", "89NXXXXXXX", "69NXXXXXXX",
                                       "221NXXXXXX", "211NXXXXXX", "711NXXXXXX", "341NXXXXXX",
                                       "351NXXXXXX", "511NXXXXXX", "911NXXXXXX", "421NXXXXXX"};
static const char *const de_mobile[] = {"151XXXXXXXX", "1520XXXXXXX", "1577XXXXXXX", "160XXXXXXX",
                                        "162XXXXXXX",  "170XXXXXXX",  "171XXXXXXX",  "172XXXXXXX",
                                        "173XXXXXXX",  "175XXXXXXX",  "176XXXXXXXX", "179XXXXXXX"};
static const char *const fr_fixed[] = {
    "142XXXXXX", "143XXXXXX", "144XXXXXX", "145XXXXXX", "147XXXXXX", "240XXXXXX", "320XXXXXX",
    "388XXXXXX", "472XXXXXX", "478XXXXXX", "491XXXXXX", "493XXXXXX", "556XXXXXX", "561XXXXXX"};
static const char *const fr_mobile[] = {
    "60XXXXXXX", "61XXXXXXX", "62XXXXXXX", "64XXXXXXX", "65XXXXXXX", "66XXXXXXX", "67XXXXXXX",
    "68XXXXXXX", "73XXXXXXX", "74XXXXXXX", "75XXXXXXX", "76XXXXXXX", "77XXXXXXX", "78XXXXXXX"};
static const char *const es_fixed[] = {"91NXXXXXX", "93NXXXXXX", "963XXXXXX", "954XXXXXX",
                                       "944XXXXXX", "976XXXXXX", "971XXXXXX", "928XXXXXX",
                                       "985XXXXXX", "986XXXXXX"};
static const char *const es_mobile[] = {
    "60XXXXXXX", "61XXXXXXX", "62XXXXXXX", "63XXXXXXX", "64XXXXXXX", "65XXXXXXX", "66XXXXXXX",
    "67XXXXXXX", "68XXXXXXX", "69XXXXXXX", "71XXXXXXX", "72XXXXXXX", "74XXXXXXX"};
static const char *const in_fixed[] = {"112XXXXXXX", "114XXXXXXX", "222XXXXXXX", "224XXXXXXX",
                                       "802XXXXXXX", "804XXXXXXX", "442XXXXXXX", "444XXXXXXX",
                                       "332XXXXXXX", "334XXXXXXX", "402XXXXXXX", "404XXXXXXX",
                                       "202XXXXXXX"};
static const char *const in_mobile[] = {"98XXXXXXXX", "99XXXXXXXX", "97XXXXXXXX", "96XXXXXXXX",
                                        "95XXXXXXXX", "94XXXXXXXX", "93XXXXXXXX", "91XXXXXXXX",
                                        "90XXXXXXXX", "70XXXXXXXX", "69XXXXXXXX", "60XXXXXXXX"};
static const char *const ru_fixed[] = {"495NXXXXXX", "499NXXXXXX", "812NXXXXXX", "383NXXXXXX",
                                       "343NXXXXXX", "843NXXXXXX", "831NXXXXXX", "846NXXXXXX"};
static const char *const ru_mobile[] = {"903XXXXXXX", "905XXXXXXX", "910XXXXXXX",
                                        "915XXXXXXX", "916XXXXXXX", "921XXXXXXX",
                                        "926XXXXXXX", "985XXXXXXX", "999XXXXXXX"};
static const char *const kr_fixed[] = {"2NXXXXXXX",  "31NXXXXXXX", "32NXXXXXXX",
                                       "51NXXXXXXX", "53NXXXXXXX", "42NXXXXXXX",
                                       "62NXXXXXXX", "52NXXXXXX",  "64NXXXXXX"};
static const char *const kr_mobile[] = {"101XXXXXXX", "102XXXXXXX", "103XXXXXXX", "104XXXXXXX",
                                        "106XXXXXXX", "107XXXXXXX", "108XXXXXXX", "109XXXXXXX"};
static const char *const vn_fixed[] = {"243XXXXXXX", "246XXXXXXX", "283XXXXXXX", "286XXXXXXX",
                                       "2363XXXXXX", "2253XXXXXX", "2923XXXXXX", "2513XXXXXX",
                                       "2583XXXXXX", "2343XXXXXX", "2543XXXXXX", "2623XXXXXX",
                                       "2563XXXXXX"};
static const char *const vn_mobile[] = {
    "90XXXXXXX", "91XXXXXXX", "93XXXXXXX", "94XXXXXXX", "96XXXXXXX", "97XXXXXXX",
    "98XXXXXXX", "32XXXXXXX", "33XXXXXXX", "35XXXXXXX", "37XXXXXXX", "38XXXXXXX",
    "70XXXXXXX", "77XXXXXXX", "79XXXXXXX", "83XXXXXXX", "86XXXXXXX", "88XXXXXXX"};

static const gen_phone_plan gen_phone_plans[] = {
    {"US", us_phone, us_phone, N(us_phone), N(us_phone)},
    {"GB", gb_fixed, gb_mobile, N(gb_fixed), N(gb_mobile)},
    {"DE", de_fixed, de_mobile, N(de_fixed), N(de_mobile)},
    {"FR", fr_fixed, fr_mobile, N(fr_fixed), N(fr_mobile)},
    {"ES", es_fixed, es_mobile, N(es_fixed), N(es_mobile)},
    {"IN", in_fixed, in_mobile, N(in_fixed), N(in_mobile)},
    {"RU", ru_fixed, ru_mobile, N(ru_fixed), N(ru_mobile)},
    {"KR", kr_fixed, kr_mobile, N(kr_fixed), N(kr_mobile)},
    {"VN", vn_fixed, vn_mobile, N(vn_fixed), N(vn_mobile)},
};

#endif
