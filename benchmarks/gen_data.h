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
    const char *street_type;    /* "" when the type is part of the street word */
    int postal_digits;          /* 0: format by country code in wngen */
    const char *cc;             /* calling code */
    int nsn;                    /* national number length */
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
     10,
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
     10,
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
     10,
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
     9,
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
     9,
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
     10,
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
     10,
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

#endif
