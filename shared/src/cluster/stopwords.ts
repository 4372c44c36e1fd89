/**
 * German stop words: words that say nothing about a note's topic.
 *
 * Curated from the German list of stopwords-iso (MIT licence, Copyright (c) 2016
 * Gene Diaz, https://github.com/stopwords-iso). It is embedded rather than
 * imported because the npm package ships all languages as one 230 KB JSON file,
 * which the browser bundle would carry whole.
 *
 * Removed from the original list because in workshop notes they carry topics:
 * ende ("Ende-zu-Ende"), recht/rechte… (law), ordnung, sache, mensch/menschen,
 * zeit, mittel ("Fördermittel"), wissen, tag/tage/tagen, teil; and the web
 * artefacts startseite, gott, mann. Added: written abbreviations (z.B., d.h.,
 * u.a., bzw., ggf. …), which the tokenizer turns into "zb", "dh" and so on,
 * and the adverbs miteinander, untereinander.
 */
import { foldWord } from './normalize.ts';

const WORDS =
  'a ab aber ach acht achte achten achter achtes ag alle allein allem allen aller ' +
  'allerdings alles allgemeinen als also am an ander andere anderem anderen anderer anderes ' +
  'anderm andern anderr anders au auch auf aus ausser ausserdem außer außerdem b bald bei ' +
  'beide beiden beim beispiel bekannt bereits besonders besser besten bin bis bisher bist ' +
  'bitte bsp bzw c ca d da dabei dadurch dafür dagegen daher dahin dahinter damals damit ' +
  'danach daneben dank dann daran darauf daraus darf darfst darin darum darunter darüber ' +
  'das dasein daselbst dass dasselbe davon davor dazu dazwischen daß dein deine deinem ' +
  'deinen deiner deines dem dementsprechend demgegenüber demgemäss demgemäß demselben ' +
  'demzufolge den denen denn denselben der deren derer derjenige derjenigen dermassen ' +
  'dermaßen derselbe derselben des deshalb desselben dessen deswegen dh dich die diejenige ' +
  'diejenigen dies diese dieselbe dieselben diesem diesen dieser dieses dir doch dort drei ' +
  'drin dritte dritten dritter drittes du durch durchaus durfte durften dürfen dürft e eben ' +
  'ebenso ehrlich ei eigen eigene eigenen eigener eigenes ein einander eine einem einen ' +
  'einer eines einig einige einigem einigen einiger einiges einmal eins elf en endlich ' +
  'entweder er ernst erst erste ersten erster erstes es etc etwa etwas euch euer eure eurem ' +
  'euren eurer eures evtl f folgende früher fünf fünfte fünften fünfter fünftes für g gab ' +
  'ganz ganze ganzen ganzer ganzes gar gedurft gegen gegenüber gehabt gehen geht gekannt ' +
  'gekonnt gemacht gemocht gemusst genug gerade gern gesagt geschweige gewesen gewollt ' +
  'geworden ggf gibt ging gleich gross grosse grossen grosser grosses groß große großen ' +
  'großer großes gut gute guter gutes h hab habe haben habt hast hat hatte hatten hattest ' +
  'hattet heisst her heute hier hin hinter hoch hätte hätten i ich ihm ihn ihnen ihr ihre ' +
  'ihrem ihren ihrer ihres im immer in indem infolgedessen inkl ins irgend ist j ja jahr ' +
  'jahre jahren je jede jedem jeden jeder jedermann jedermanns jedes jedoch jemand jemandem ' +
  'jemanden jene jenem jenen jener jenes jetzt k kam kann kannst kaum kein keine keinem ' +
  'keinen keiner keines kleine kleinen kleiner kleines kommen kommt konnte konnten kurz ' +
  'können könnt könnte l lang lange leicht leide lieber los m machen macht machte mag magst ' +
  'mahn mal man manche manchem manchen mancher manches mehr mein meine meinem meinen meiner ' +
  'meines mich mir mit mochte mochten morgen muss musst musste mussten muß mußt möchte ' +
  'mögen möglich mögt müssen müsst müßt n na nach nachdem nahm natürlich neben nein neue ' +
  'neuen neun neunte neunten neunter neuntes nicht nichts nie niemand niemandem niemanden ' +
  'noch nun nur o ob oben oder offen oft ohne p q r richtig rund s sa sagt sagte sah satt ' +
  'schlecht schluss schon sechs sechste sechsten sechster sechstes sehr sei seid seien sein ' +
  'seine seinem seinen seiner seines seit seitdem selbst sich sie sieben siebente siebenten ' +
  'siebenter siebentes sind so solang solche solchem solchen solcher solches soll sollen ' +
  'sollst sollt sollte sollten sondern sonst soweit sowie später statt steht suche t tat ' +
  'tel tritt trotzdem tun u ua uhr um und uns unse unsem unsen unser unsere unserer unses ' +
  'unter usw v vergangenen vgl viel viele vielem vielen vielleicht vier vierte vierten ' +
  'vierter viertes vom von vor w wahr wann war waren warst wart warum was weg wegen weil ' +
  'weit weiter weitere weiteren weiteres welche welchem welchen welcher welches wem wen ' +
  'wenig wenige weniger weniges wenigstens wenn wer werde werden werdet weshalb wessen wie ' +
  'wieder wieso will willst wir wird wirklich wirst wo woher wohin wohl wollen wollt wollte ' +
  'wollten worden wurde wurden während währenddem währenddessen wäre würde würden x y z zb ' +
  'zehn zehnte zehnten zehnter zehntes zu zuerst zugleich zum zunächst zur zurück zusammen ' +
  'miteinander untereinander zwanzig zwar zwei zweite zweiten zweiter zweites zwischen zwölf über überhaupt übrigens';

/** The list, folded the way note words are folded, so "für" matches "fuer" and "fur". */
const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(' ').map(foldWord));

/** Whether a folded word is a stop word. */
export function isStopWord(foldedWord: string): boolean {
  return STOP_WORDS.has(foldedWord);
}
