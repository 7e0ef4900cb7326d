"""Well-written Markdown, as this project's editors write it: press releases, notices,
programmes, tables, addresses, quotes, footnotes. ``./run check`` and the build must
give no warning on any of it (tests/test_pasted_text.py): a warning on good text teaches
editors to stop reading warnings. Each item is a whole file, front matter included."""

import samples

S2 = "  "  # two spaces at a line's end: Markdown keeps the line break


def _item(front, body):
    return "---\n" + front.strip() + "\n---\n\n" + body.strip() + "\n"


GOOD = {
    "comunicati-stampa/2024-09-02-laboratori-ripartono.md": _item("""
title: Ripartono i Laboratori di Comunità a Crema
date: 2024-09-02 10:30
tags: [Crema, Laboratori di Comunità]
summary: Da lunedì 9 settembre riprendono gli incontri dei Laboratori di Comunità nei quartieri di Crema.
""", """
Da **lunedì 9 settembre** riprendono gli incontri dei Laboratori di Comunità nei quartieri di Crema.

«Dopo l'estate ripartiamo con ancora più voglia di incontrarci» ha detto il sindaco. «I laboratori sono il luogo in cui i cittadini diventano protagonisti.»

Gli incontri sono aperti a tutti e non serve iscriversi.

## Il calendario

| Giorno | Ora | Luogo |
| --- | --- | --- |
| lun. 9/9 | ore 18.00 | Centro civico di San Bernardino |
| mer. 11/9 | ore 20.30 | Sala polifunzionale di Ombriano |
| ven. 13/9 | ore 17.30 | Biblioteca di Santa Maria |

Per informazioni: <info@farelegami.it>.
"""),
    "comunicati-stampa/2024-10-01-patti-firmati.md": _item("""
title: Firmati i primi dieci Patti Gener-Attivi
date: 2024-10-01 12:00
tags: [Patti Gener-Attivi, Cremona]
""", """
Sono dieci i **Patti Gener-Attivi** firmati a Cremona nel primo mese: coinvolgono 2.500 persone e un contributo complessivo di 12.000 euro.

> «Un patto è una promessa reciproca: io mi prendo cura di qualcosa, la comunità si prende cura di me.»
>
> — dal documento dei Patti

Tra i firmatari ci sono l'A.S.D. Po Basket, la Pro Loco e il C.R.I. di Cremona.

I patti restano aperti: chi vuole proporne uno trova il modulo sul sito del [Comune di Cremona](https://www.comune.cremona.it).
"""),
    "comunicati-stampa/2025-03-15-civic-center-inaugurato.md": _item("""
title: Inaugurato il Civic Center di Casalmaggiore
date: 2025-03-15 18:00
tags: [Casalmaggiore, Civic Center]
""", """
Sabato 15 marzo è stato inaugurato il **Civic Center** di Casalmaggiore, in piazza Garibaldi.

«È una casa di tutti» ha detto l'assessora. «Qui si potrà chiedere un'informazione, proporre un'idea, trovare qualcuno con cui realizzarla.»

Alla cerimonia hanno partecipato:

- il Comune di Casalmaggiore;
- il Consorzio Casalasco Servizi Sociali;
- le associazioni del territorio;
- i ragazzi dell'istituto superiore, che hanno curato l'allestimento.

Il Civic Center è aperto dal lunedì al venerdì, ore 9.00–12.30 e 14.30–18.00.
"""),
    "avvisi/2024-11-04-orari-sportello.md": _item("""
title: Sportello dei Community Manager, i nuovi orari
date: 2024-11-04 08:00
tags: [Cremona, Community Manager, Orari]
""", """
Dal 4 novembre lo sportello dei Community Manager di Cremona ha questi orari:

- **lunedì**: 9.00–12.00
- **mercoledì**: 14.30–17.30
- **venerdì**: 9.00–12.00

**Dove:** via Dante 136, Cremona (piano terra)<br>
**Telefono:** 0372 407 111<br>
**E-mail:** <community@farelegami.it>
"""),
    "avvisi/2024-12-20-chiusura-natale.md": _item("""
title: Chiusura per le feste
date: 2024-12-20 09:00
tags: [Orari]
""", """
Il Civic Center di Crema resterà chiuso **dal 24 dicembre al 6 gennaio**. Riapre martedì 7 gennaio alle 9.30.

Buone feste a tutti! 🎄
"""),
    "avvisi/2025-02-01-indirizzo-due-spazi.md": _item("""
title: Dove trovarci a Crema
date: 2025-02-01 09:00
""", f"""
Il Civic Center di Crema si trova qui:

Civic Center FareLegami{S2}
Via Civerchi 9{S2}
26013 Crema (CR)

Si entra dal cortile, accanto alla biblioteca.
"""),
    "avvisi/2025-02-03-indirizzo-br.md": _item("""
title: Sportello di Casalmaggiore
date: 2025-02-03 09:00
""", """
**Sportello FareLegami**<br>
Piazza Garibaldi 26<br>
26041 Casalmaggiore (CR)<br>
martedì e giovedì, ore 9–12
"""),
    "avvisi/2025-02-10-sospensione.md": _item("""
title: Sospeso l'incontro di giovedì
date: 2025-02-10 15:00
""", """
L'incontro del Laboratorio di Comunità previsto per **gio. 13/2** alle ore 20.30 è sospeso per l'allerta meteo.

Sarà recuperato lunedì 17 febbraio, stessa ora e stesso luogo. Ci scusiamo per il disagio.
"""),
    "notizie/2024-06-20-programma-festa.md": _item("""
title: Festa di quartiere al Cambonino, il programma
date: 2024-06-20 11:00
tags: [Cremona, Laboratori di Comunità]
""", """
Sabato 29 giugno il quartiere Cambonino fa festa. Ecco il programma della giornata.

## Mattina

- **ore 9.30** – apertura degli stand delle associazioni
- **ore 10.30** – laboratorio di pittura per bambini (6–10 anni)
- **ore 12.30** – pranzo condiviso: ognuno porta qualcosa

## Pomeriggio

- **ore 15.00** – torneo di bocce a cura dell'A.S.D. Cambonino
- **ore 17.00** – merenda
- **ore 18.30** – concerto della banda cittadina

In caso di pioggia la festa si sposta nella palestra della scuola.
"""),
    "notizie/2024-07-05-poesia.md": _item("""
title: Le poesie del laboratorio di scrittura
date: 2024-07-05 16:00
tags: [Laboratori di Comunità]
""", """
Al laboratorio di scrittura di Ombriano gli anziani del quartiere hanno scritto insieme ai ragazzi delle medie. Ecco una delle poesie.

> Il cortile era grande<br>
> quando avevo sei anni,<br>
> adesso è piccolo<br>
> ma c'è più gente.

*Anna, 82 anni, e Luca, 12 anni*
"""),
    "notizie/2024-07-12-canzone.md": _item("""
title: La canzone del Civic Center
date: 2024-07-12 16:00
""", f"""
I ragazzi del centro estivo hanno scritto una canzone per il Civic Center. Il ritornello fa così:

*Gira, gira la comunità,{S2}
chi dà una mano la ritroverà,{S2}
gira, gira, non si ferma mai,{S2}
e vedrai che non sei solo mai.*

La registrazione sarà pubblicata nei prossimi giorni.
"""),
    "notizie/2024-08-01-note.md": _item("""
title: Quanti siamo, un anno dopo
date: 2024-08-01 10:00
tags: [FareLegami]
""", """
In un anno i Laboratori di Comunità hanno coinvolto più di 1.200 persone[^1] in 48 incontri[^2].

Il dato più interessante è la partecipazione dei giovani: uno su quattro ha meno di 30 anni.

[^1]: Conteggio delle firme sui fogli presenze, senza doppioni.
[^2]: Dal 5 maggio 2024 al 30 aprile 2025.
"""),
    "notizie/2024-08-10-hashtag.md": _item("""
title: Raccontaci la tua estate
date: 2024-08-10 10:00
""", """
Hai partecipato a un'attività di FareLegami quest'estate? Pubblica una foto con l'hashtag #FareLegami e taggaci: le più belle saranno esposte al Civic Center.

Puoi usare anche #welfaredicomunità e #Crema.
"""),
    "notizie/2024-08-20-inglese.md": _item("""
title: Il Community Manager, chi è e cosa fa
date: 2024-08-20 10:00
tags: [Community Manager]
""", """
Il *Community Manager* è una figura nuova nel welfare: non un assistente sociale, ma una persona che conosce il territorio e mette in contatto chi ha un bisogno con chi ha una risorsa.

Nel linguaggio del progetto si parla di *welfare generativo*, di *empowerment* e di *community building*: parole inglesi che indicano un'idea semplice, far crescere la capacità delle persone di aiutarsi a vicenda.
"""),
    "notizie/2024-09-10-partner.md": _item("""
title: I partner di FareLegami
date: 2024-09-10 10:00
tags: [Partner]
""", """
FareLegami è sostenuto da **Fondazione Cariplo** nell'ambito del programma *Welfare in azione*. Il capofila è il Comune di Cremona.

I partner:

1. Comune di Cremona (capofila)
2. Comune di Crema
3. Consorzio Casalasco Servizi Sociali
4. Fondazione Comunitaria della Provincia di Cremona
5. Provincia di Cremona
6. Camera di Commercio
7. CISVOL
8. Confcooperative
9. Legacoop
10. Consorzio SOLCO
11. Consorzio Arcobaleno
"""),
    "notizie/2024-09-15-link-comune.md": _item("""
title: Dove iscriversi ai laboratori
date: 2024-09-15 10:00
""", """
Le iscrizioni si raccolgono sui siti dei tre Comuni:

- Crema: <https://www.comune.crema.cr.it>
- Cremona: [sito del Comune di Cremona](https://www.comune.cremona.it/servizi-sociali)
- Casalmaggiore: <https://www.comune.casalmaggiore.cr.it>

Oppure scrivi a [iscrizioni@farelegami.it](mailto:iscrizioni@farelegami.it).
"""),
    "notizie/2024-09-20-citazione-lunga.md": _item("""
title: Perché un welfare di comunità
date: 2024-09-20 10:00
""", """
Alla presentazione del progetto l'assessora al Welfare ha spiegato la scelta con queste parole:

> Le amministrazioni non possono limitarsi a erogare servizi. Devono valorizzare i luoghi in cui le persone vivono e costruire contesti accoglienti, capaci di prendersi cura dei più fragili.

È la stessa idea da cui nascono i Civic Center.
"""),
    "notizie/2024-10-05-numeri.md": _item("""
title: Il bilancio del primo anno in numeri
date: 2024-10-05 10:00
""", """
Qualche numero del primo anno:

| Attività | Incontri | Persone |
| --- | ---: | ---: |
| Laboratori di Comunità | 48 | 1.200 |
| Patti Gener-Attivi | 10 | 2.500 |
| Civic Center | 220 | 3.400 |

Il costo complessivo delle attività è stato di 85.000 euro, il 60% coperto da Fondazione Cariplo.
"""),
    "notizie/2024-10-12-domande.md": _item("""
title: Domande frequenti sui Patti Gener-Attivi
date: 2024-10-12 10:00
tags: [Patti Gener-Attivi]
""", """
## Chi può proporre un patto?

Chiunque: un cittadino, un gruppo di vicini, un'associazione, una scuola.

## Quanto costa?

Niente. Il progetto mette a disposizione materiali e, se serve, un piccolo contributo (fino a 500 euro).

## Come si fa?

1. Scarica il modulo dalla pagina dei [Patti Gener-Attivi]({filename}/pages/patti-gener-attivi.md).
2. Compilalo insieme al Community Manager del tuo territorio.
3. Consegnalo al Civic Center più vicino.

### E dopo?

Entro 30 giorni ti richiamiamo per firmare il patto.
"""),
    "notizie/2024-10-20-intervista.md": _item("""
title: Una giornata con la Community Manager di Casalmaggiore
date: 2024-10-20 10:00
""", """
Abbiamo passato una giornata con Giulia, Community Manager a Casalmaggiore.

**Come comincia la tua giornata?**<br>
Con un caffè al bar della piazza: è lì che la gente mi racconta cosa succede.

**Qual è la cosa più difficile?**<br>
Convincere le persone che anche loro hanno qualcosa da dare.

**E la più bella?**<br>
Quando due persone che non si conoscevano diventano amiche.
"""),
    "notizie/2024-11-02-virgolette.md": _item("""
title: "«Una comunità che gira»: il senso del nome"
date: 2024-11-02 10:00
summary: Da dove viene il sottotitolo del progetto, e cosa vuol dire «girare» per una comunità.
""", """
Il sottotitolo del progetto, «Una comunità che gira», gioca su due significati: *girare* come muoversi, andare incontro alle persone, e *girare* come funzionare bene.

Lo ha spiegato bene una partecipante: "una comunità gira quando ognuno fa la sua parte".
"""),
    "notizie/2024-11-10-elenco-puntato-asterisco.md": _item("""
title: Cosa portare al laboratorio di cucina
date: 2024-11-10 10:00
""", """
Per il laboratorio di cucina di sabato servono:

* un grembiule;
* un contenitore per portare a casa quello che si cucina;
* tanta voglia di stare insieme.

Gli ingredienti li offre la Coop di quartiere.
"""),
    "notizie/2024-11-18-date-e-orari.md": _item("""
title: Gli appuntamenti di novembre
date: 2024-11-18 10:00
""", """
**Lun. 25/11, ore 18** – Laboratorio di Comunità a Crema, Centro civico di Castelnuovo.

**Mer. 27/11, ore 20.30** – Incontro sui Patti Gener-Attivi a Cremona, Sala Quadri.

**Sab. 30/11, dalle 9 alle 13** – Porte aperte al Civic Center di Casalmaggiore.
"""),
    "notizie/2024-12-01-ringraziamenti.md": _item("""
title: Grazie ai volontari
date: 2024-12-01 10:00
""", """
Un grazie speciale ai volontari che in questo anno hanno tenuto aperti i Civic Center: senza di loro non ci sarebbe FareLegami. 💛

Se vuoi diventare volontario, passa a trovarci o scrivi a <volontari@farelegami.it>.
"""),
    "notizie/2024-12-10-link-interno.md": _item("""
title: Le quattro azioni del progetto
date: 2024-12-10 10:00
""", """
FareLegami lavora con quattro azioni: i [Laboratori di Comunità]({filename}/pages/laboratori-di-comunita.md), i [Patti Gener-Attivi]({filename}/pages/patti-gener-attivi.md), i [Civic Center]({filename}/pages/civic-center.md) e i [Community Manager]({filename}/pages/community-manager.md).

Per saperne di più leggi la pagina [Il progetto]({filename}/pages/progetto.md).
"""),
    "notizie/2025-01-08-sottoelenco.md": _item("""
title: I laboratori nei tre territori
date: 2025-01-08 10:00
""", """
Dove si svolgono i Laboratori di Comunità:

- **Crema**
    - San Bernardino
    - Ombriano
- **Cremona**
    - Cambonino
    - Zaist
- **Casalmaggiore**
    - centro storico
"""),
    "notizie/2025-01-15-codice.md": _item("""
title: Come seguire le notizie con un lettore di feed
date: 2025-01-15 10:00
""", """
Per ricevere le notizie del sito copia questo indirizzo nel tuo lettore di feed:

```
https://www.farelegami.it/feeds/notizie.atom.xml
```

I lettori di feed più diffusi sono gratuiti e si trovano nello store del telefono.
"""),
    "notizie/2025-02-14-firma.md": _item("""
title: San Valentino al Civic Center
date: 2025-02-14 10:00
""", """
Venerdì sera il Civic Center di Crema ha ospitato la cena «Cuori di quartiere»: 80 persone, 12 tavoli, una sola regola, sedersi accanto a qualcuno che non si conosce.

Un ringraziamento alla Pro Loco e al gruppo *Nonni in rete*.

*La redazione*
"""),
    "notizie/2025-03-01-citazione-firmata.md": _item("""
title: Le parole dei partecipanti
date: 2025-03-01 10:00
""", """
Abbiamo chiesto ai partecipanti dei laboratori cosa porteranno a casa.

> «Ho scoperto che la mia vicina di casa suona il violino.»<br>
> – Marta, Ombriano

> «Non pensavo che il mio tempo libero potesse servire a qualcuno.»<br>
> – Paolo, Zaist
"""),
    "notizie/2025-03-20-percentuali.md": _item("""
title: Il questionario di gradimento
date: 2025-03-20 10:00
""", """
Al questionario hanno risposto 312 persone. Il 78% si dice *molto soddisfatto*, il 18% *abbastanza*, il 4% *poco*.

Le richieste più frequenti: più incontri il sabato (41%), più attività per i bambini (27%).
"""),
    "notizie/2025-04-02-orari-lista.md": _item("""
title: Biblioteca del Civic Center, orari
date: 2025-04-02 10:00
""", """
La biblioteca del Civic Center di Cremona è aperta:

- lunedì, ore 14–18
- martedì e giovedì, ore 9–12.30
- sabato, ore 9.30–12.30

Il prestito è gratuito. Serve la tessera delle biblioteche della provincia.
"""),
    "notizie/2025-04-10-indirizzo-lista.md": _item("""
title: Dove si vota il nome del nuovo spazio
date: 2025-04-10 10:00
""", """
Si vota fino al 30 aprile in questi punti:

- Civic Center di Crema, via Civerchi 9
- Civic Center di Cremona, via Dante 136
- Civic Center di Casalmaggiore, piazza Garibaldi 26
"""),
    "notizie/2025-04-20-grassetto-etichette.md": _item("""
title: Corso per volontari
date: 2025-04-20 10:00
""", """
**Quando:** sabato 10 e 17 maggio, ore 9.30–12.30<br>
**Dove:** Civic Center di Crema, via Civerchi 9<br>
**Per chi:** chi vuole diventare volontario nei Civic Center<br>
**Costo:** gratuito

Iscrizioni entro il 5 maggio a <volontari@farelegami.it>.
"""),
    "notizie/2025-05-01-sigle.md": _item("""
title: Le associazioni che hanno aderito
date: 2025-05-01 10:00
""", """
Hanno aderito alla rete dei Patti Gener-Attivi: A.S.D. Ombriano Calcio, A.N.P.I. sezione di Crema, A.V.I.S. comunale, Auser, la Caritas parrocchiale e il C.A.I. di Cremona.

Sono 24 in tutto, S.E.&O.
"""),
    "notizie/2025-05-10-titolo-lungo.md": _item("""
title: "Crema, Cremona e Casalmaggiore: i tre Civic Center aprono anche il sabato mattina per tutto il mese di giugno"
date: 2025-05-10 10:00
summary: Per tutto giugno i Civic Center dei tre territori saranno aperti anche il sabato dalle 9 alle 12, per chi lavora durante la settimana.
""", """
Per tutto il mese di giugno i Civic Center di Crema, Cremona e Casalmaggiore saranno aperti anche il sabato mattina, dalle 9 alle 12.

È una richiesta arrivata dal questionario di gradimento: molti partecipanti lavorano durante la settimana.
"""),
    "notizie/2025-05-20-immagine.md": _item("""
title: Una mattina al laboratorio di Ombriano
date: 2025-05-20 10:00
""", """
Una mattina di lavoro al laboratorio di Ombriano: si progetta l'orto condiviso.

Il prossimo incontro è **mercoledì 28 maggio alle 18**.
"""),
    "notizie/2025-06-01-dialogo.md": _item("""
title: Il gioco dei mestieri
date: 2025-06-01 10:00
""", """
Al centro estivo i bambini hanno intervistato i nonni sui mestieri di una volta.

– Nonno, che lavoro facevi?<br>
– Il casaro. Facevo il formaggio, il Grana.<br>
– E ti piaceva?<br>
– Tantissimo, ma ci si alzava alle quattro!
"""),
    "notizie/2025-06-10-elenco-numerato-dopo-titolo.md": _item("""
title: Tre cose da sapere sull'estate ai Civic Center
date: 2025-06-10 10:00
""", """
## Tre cose da sapere

1. I Civic Center restano aperti anche ad agosto, con orario ridotto.
2. Il centro estivo comincia il 16 giugno.
3. Le iscrizioni chiudono il 10 giugno.
"""),
    "notizie/2025-06-20-anno-inizio.md": _item("""
title: Una storia che comincia nel 2024
date: 2025-06-20 10:00
""", """
La storia di FareLegami comincia il 5 maggio 2024, con la presentazione a Crema.
2024 e 2025 sono stati gli anni dell'avvio; il 2026 sarà quello della crescita.

Intanto i Civic Center sono diventati tre.
"""),
    "notizie/2025-07-01-trattino-inciso.md": _item("""
title: Un'estate di laboratori
date: 2025-07-01 10:00
""", """
L'estate – lo dicono i numeri – è il periodo in cui i laboratori funzionano meglio: si sta all'aperto, c'è più tempo, ci si incontra per strada.

Il programma completo è nella pagina dei [Laboratori di Comunità]({filename}/pages/laboratori-di-comunita.md).
"""),
    "notizie/2025-07-15-dopo-titolo-tabella.md": _item("""
title: Turni dei volontari ad agosto
date: 2025-07-15 10:00
""", """
## Turni di agosto

| Settimana | Crema | Cremona | Casalmaggiore |
| --- | --- | --- | --- |
| 4–8 agosto | Marco | Sara | Luisa |
| 11–14 agosto | Anna | Paolo | Giorgio |
| 18–22 agosto | Marco | Sara | Luisa |

Il Civic Center è chiuso venerdì 15 agosto (Ferragosto).
"""),
    "notizie/2025-08-01-prezzi.md": _item("""
title: Gita al lago, quote e iscrizioni
date: 2025-08-01 10:00
""", """
La gita al lago d'Iseo di domenica 7 settembre costa 25 € a persona (15 € per i ragazzi sotto i 14 anni). Il pullman parte alle 7.30 da piazza Duomo.

Iscrizioni al Civic Center entro il 31 agosto; il pagamento si fa all'iscrizione.
"""),
    "notizie/2025-08-10-frecce.md": _item("""
title: Tutto sulla gita al lago
date: 2025-08-10 10:00
""", """
Tutto quello che serve per la gita di domenica 7 settembre:

→ [Il programma della giornata]({filename}/notizie/2025-08-01-prezzi.md)<br>
→ [Le iscrizioni al Civic Center]({filename}/pages/orari-civic-center.md)<br>
→ [Chiama lo sportello](tel:+390372407111)
"""),
    "notizie/2025-08-15-spunte.md": _item("""
title: Centro estivo, cosa è compreso
date: 2025-08-15 10:00
""", """
Nella quota del centro estivo sono compresi:

✔ il pranzo e la merenda<br>
✔ l'assicurazione<br>
✔ la maglietta di FareLegami
"""),
    "notizie/2025-08-20-br-spazio.md": _item("""
title: Il nuovo indirizzo dello sportello di Crema
date: 2025-08-20 10:00
""", """
Da settembre lo sportello di Crema si trova qui:

Civic Center FareLegami<br> 
Via Civerchi 9<br/>
26013 Crema (CR)
"""),
    "notizie/2025-08-25-una-frase-per-riga.md": _item("""
title: Il Civic Center riapre
date: 2025-08-25 10:00
""", """
Il Civic Center di Cremona riapre lunedì 1 settembre.
Gli orari restano quelli di sempre.
Non serve prenotare.
Vi aspettiamo!
"""),
    "notizie/2025-09-01-link-vari.md": _item("""
title: Come contattarci
date: 2025-09-01 10:00
""", """
Per iscriverti scrivi a [iscrizioni@farelegami.it](mailto:iscrizioni@farelegami.it?subject=Iscrizione%20laboratorio) o [chiama lo sportello](tel:+39-0372-407111).

Gli orari sono nel [calendario](#calendario) qui sotto e sul [sito del Comune](https://www.comune.crema.cr.it "Sito del Comune di Crema").

## Calendario

Lo sportello è aperto il martedì e il giovedì, ore 9–12. Vedi anche [gli orari di tutti i Civic Center]({filename}/pages/orari-civic-center.md#crema).
"""),
    "notizie/2025-09-10-titolo-citazioni.md": _item("""
title: '“Il welfare è di tutti”. A Crema la festa di FareLegami: “Una comunità che gira”'
date: 2025-09-10 10:00
""", """
Una festa per raccontare un anno di FareLegami, con i partecipanti dei laboratori e i volontari dei Civic Center.
"""),
    "notizie/2025-09-15-emoji-righe.md": _item("""
title: Aperitivo dei volontari
date: 2025-09-15 10:00
""", """
📍 Civic Center di Crema, via Civerchi 9<br>
🗓️ venerdì 19 settembre<br>
🕖 ore 19
"""),
    "notizie/2025-09-20-nota-in-tabella.md": _item("""
title: Le quote del centro estivo
date: 2025-09-20 10:00
""", """
| Settimane | Quota[^1] |
| --- | ---: |
| 1 | 60 € |
| 2 | 110 € |
| 4 | 200 € |

[^1]: Sconto del 20% per il secondo figlio.
"""),
    "pages/orari-civic-center.md": _item("""
title: Orari dei Civic Center
argomento: Civic Center
summary: Dove sono i Civic Center di FareLegami e quando sono aperti.
""", """
I Civic Center sono aperti a tutti, senza appuntamento.

## Crema

Via Civerchi 9, 26013 Crema<br>
dal lunedì al venerdì, 9–12.30 e 14.30–18

## Cremona

Via Dante 136, 26100 Cremona<br>
lunedì, mercoledì e venerdì, 9–13

## Casalmaggiore

Piazza Garibaldi 26, 26041 Casalmaggiore<br>
martedì e giovedì, 9–12

Le notizie sui Civic Center sono elencate qui sotto.
"""),
    "pages/notizie-patti.md": _item("""
title: Notizie sui Patti Gener-Attivi
argomento: Patti Gener-Attivi
summary: Tutte le notizie sui Patti Gener-Attivi firmati nei tre territori.
""", """
Qui trovi tutte le notizie sui Patti Gener-Attivi, dalla più recente.
"""),
}

GOOD.update({
    "notizie/2025-10-05-note-nominate.md": _item("""
title: Da dove vengono i numeri del rapporto
date: 2025-10-05 10:00
""", """
Il rapporto annuale conta 3.400 accessi ai Civic Center[^accessi] e 48 laboratori[^lab]. Gli accessi sono cresciuti del 30%[^accessi] rispetto al primo semestre.

[^accessi]: Registro delle presenze dei tre Civic Center, gennaio–dicembre 2025.
[^lab]: Calendario pubblicato sul sito.
"""),
    "notizie/2025-10-10-link-complessi.md": _item("""
title: Come arrivare al Civic Center di Crema
date: 2025-10-10 10:00
""", """
Il Civic Center è a due passi dalla stazione: guarda la [mappa](https://www.openstreetmap.org/?mlat=45.3622&mlon=9.6866#map=18/45.3622/9.6866).

Per gli orari dei treni consulta il sito di [Trenord](https://www.trenord.it/) o chiama il numero verde [800 500 005](tel:800500005).

Per chi arriva in auto c'è il parcheggio di via Mercato (gratuito il sabato).
"""),
    "notizie/2025-10-15-firma-ufficio-stampa.md": _item("""
title: Nuovi orari per l'inverno
date: 2025-10-15 10:00
author: Ufficio stampa
""", """
Da lunedì 3 novembre i Civic Center chiudono alle 17.30 invece che alle 18.

Ufficio stampa<br>
Comune di Crema<br>
<stampa@comune.crema.cr.it><br>
tel. 0373 894 000
"""),
    "notizie/2025-10-20-simboli.md": _item("""
title: Il torneo di burraco
date: 2025-10-20 10:00
""", """
Il 1° torneo di burraco dei Civic Center si gioca sabato 8 novembre, h 15:00, nella sala n° 2 del Civic Center di Cremona.

Quota d'iscrizione: 10 € a coppia (il ricavato va alla Caritas). Premi per le prime 3 coppie!

## 📅 Le prossime date

- 8 novembre – Cremona
- 22 novembre – Crema
- 6 dicembre – Casalmaggiore
"""),
    "notizie/2025-10-25-elenco-con-paragrafi.md": _item("""
title: Come funziona un Laboratorio di Comunità
date: 2025-10-25 10:00
""", """
Un laboratorio si svolge in tre tempi.

1. **Ascolto.** Ciascuno racconta che cosa funziona e che cosa manca nel quartiere.

    Non servono competenze: conta l'esperienza di chi ci vive.

2. **Proposte.** Si scelgono una o due idee su cui lavorare.

3. **Impegni.** Ognuno dice che cosa può fare, anche poco.

---

Il prossimo laboratorio è in calendario nella sezione Avvisi.
"""),
    "notizie/2025-11-01-sommario-markdown.md": _item("""
title: Il libro dei Patti
date: 2025-11-01 10:00
tags: Patti Gener-Attivi, Cremona
authors: [Maria Rossi, Luca Bianchi]
modified: 2025-11-03 09:00
summary: Esce *Il libro dei Patti*, con le storie dei primi cento «patti» firmati a Cremona.
""", """
Esce *Il libro dei Patti*, una raccolta delle storie dei primi cento patti firmati a Cremona. Il libro si può ritirare gratis ai Civic Center.

Lo ha curato il gruppo di scrittura del laboratorio di Zaist, con le foto dei ragazzi del liceo.
"""),
    "notizie/2025-11-05-poesia-citazione.md": _item("""
title: Una poesia per la Giornata degli anziani
date: 2025-11-05 10:00
""", f"""
Alla festa dei nonni una volontaria ha letto questi versi, scritti da un'ospite della casa di riposo:

> Ho avuto mani forti{S2}
> per il pane e per la terra,{S2}
> adesso ho mani lente{S2}
> per stringere le vostre.

Il testo completo è esposto al Civic Center di Casalmaggiore.
"""),
    "notizie/2025-11-10-social.md": _item("""
title: Seguici sui social
date: 2025-11-10 10:00
""", """
FareLegami è su Instagram e Facebook come @farelegami.cremona. Usa l'hashtag \\#FareLegami per raccontarci le tue attività!

Le foto più belle della settimana finiscono nella nostra storia del venerdì. 📸
"""),
    "notizie/2025-11-15-faq-grassetto.md": _item("""
title: Civic Center, le domande più frequenti
date: 2025-11-15 10:00
""", """
**Serve la tessera?**
No, l'ingresso è libero.

**Posso portare i bambini?**
Sì, c'è anche un angolo per i più piccoli.

**Si paga qualcosa?**
No, tutte le attività sono gratuite.
"""),
})

# Good text whose lead, the opening paragraph (no `summary`), is long: one warning each, at
# the paragraph's line, saying to write a shorter `summary` (tests/test_pasted_text.py)
LONG_LEAD = {
    "comunicati-stampa/2025-10-01-lead-lungo.md": _item("""
title: Welfare di comunità, Crema ospita il convegno dei progetti lombardi
date: 2025-10-01 11:00
tags: [Crema, Welfare in azione]
""", """
Si terrà venerdì 17 ottobre, dalle 9.30 alle 17, nella Sala Ricevimenti del Comune di Crema, il convegno che riunisce i progetti lombardi di welfare di comunità sostenuti da Fondazione Cariplo con il programma Welfare in azione: amministratori, operatori e cittadini racconteranno che cosa hanno imparato in questi anni e che cosa resta da fare perché i servizi alla persona diventino davvero di tutti.

La partecipazione è gratuita, con iscrizione entro il 10 ottobre.
"""),
    "pages/convegno.md": _item("""
title: Il convegno di ottobre
""", """
Il convegno di ottobre riunisce a Crema i progetti lombardi di welfare di comunità sostenuti da Fondazione Cariplo con il programma Welfare in azione: una giornata di lavoro per amministratori, operatori e cittadini che in questi anni hanno costruito laboratori, patti e spazi civici nei loro territori, e che vogliono confrontarsi su che cosa ha funzionato.

## Programma

**9.30** – accoglienza<br>
**10.00** – saluti delle autorità<br>
**10.30** – i progetti si raccontano<br>
**13.00** – pranzo<br>
**14.30** – gruppi di lavoro<br>
**16.30** – conclusioni
"""),
}

GOOD.update({
    "immagini/logo-farelegami.jpg": samples.image("JPEG"),
    "pages/chi-siamo.md": _item("""
title: Chi siamo
""", """
## ![FareLegami – Una comunità che gira]({static}/immagini/logo-farelegami.jpg)

FareLegami è un progetto di welfare di comunità nei territori di Crema, Cremona e Casalmaggiore.

### I partner

Il capofila è il Comune di Cremona.
"""),
})

# Links and files in every form the contract allows (content_checks.relative_links,
# content_checks.uploads.unused_uploads; the web editor's linkAddresses, link-reading.js):
# addresses of other sites with any case or no scheme (//), e-mail with a subject,
# telephone numbers with spaces, autolinks; {filename}, {static}, {tag}… with sections and queries; links in
# notes, tables, quotes, lists,
# definitions, HTML; file names with spaces and accents, in subfolders; an attachment also
# linked in the text, a cover image, a document only the summary links, a draft's image
GOOD.update({
    "immagini/2025/festa in piazza.jpg": samples.image("JPEG"),
    "immagini/2025/città alta.jpg": samples.image("JPEG"),
    "immagini/2025/eventi/cortile.jpg": samples.image("JPEG"),
    "immagini/2025/copertina-festa.jpg": samples.image("JPEG"),
    "immagini/2025/bozza-manifesto.jpg": samples.image("JPEG"),
    "allegati/2025/programma festa.pdf": samples.accessible_pdf("Programma della festa"),
    "allegati/2025/modulo-iscrizione.pdf": samples.accessible_pdf("Modulo di iscrizione"),
    "allegati/2025/regolamento.pdf": samples.accessible_pdf("Regolamento"),
    "notizie/2025-11-20-festa-link.md": _item("""
title: La festa di quartiere a San Bernardino
date: 2025-11-20 10:00
tags: [Crema]
image: immagini/2025/copertina-festa.jpg
image_alt: Il cortile del Civic Center addobbato per la festa
summary: "Sabato la festa di quartiere: il [regolamento]({static}/allegati/2025/regolamento.pdf) è online."
attachments:
  - file: allegati/2025/programma festa.pdf
    title: Il programma della festa
""", """
Sabato torna la festa di quartiere: il [programma]({static}/allegati/2025/programma%20festa.pdf#page=1) è anche tra gli allegati, e il [modulo]({static}/allegati/2025/modulo-iscrizione.pdf) va consegnato entro venerdì ([vedi sotto](#come-iscriversi)).

![La piazza piena di gente]({static}/immagini/2025/festa%20in%20piazza.jpg "La festa dell'anno scorso")

![Il centro storico]({static}/immagini/2025/città alta.jpg)

## Come iscriversi

Scrivete a [info@farelegami.it](mailto:info@farelegami.it?subject=Iscrizione%20festa) o chiamate il [0373 123 456](tel:+39%200373%20123456); su WhatsApp al [numero della festa](https://wa.me/390373123456?text=Iscrizione). Informazioni anche sul [sito del Comune](HTTP://www.comune.crema.cr.it/), sulla [mappa](//www.openstreetmap.org/?mlat=45.36&mlon=9.68) e su <https://www.comune.crema.cr.it/eventi> o <info@farelegami.it>.[^1]

| Ora | Dove |
| --- | --- |
| 15.00 | [cortile]({static}/immagini/2025/eventi/cortile.jpg "Il cortile") |
| 18.00 | [sala grande][sala] |

> Come ha scritto la [redazione]({author}redazione): «[Tutte le feste]({tag}crema#elenco)».

- Le altre [notizie]({category}notizie?pagina=2)
    - e la [prima pagina]({index})

Patto
:   L'accordo tra cittadini e Comune ([come funziona]({filename}/notizie/2025-10-10-link-complessi.md#map)).

L'ATS sostiene la festa.

*[ATS]: Agenzia di Tutela della Salute

[^1]: Le iscrizioni sono raccolte dal [Civic Center](https://www.comune.crema.cr.it/civic-center "Civic Center").

[sala]: https://www.comune.crema.cr.it/sala-grande "La sala grande"
"""),
    "notizie/2025-11-25-bozza-manifesto.md": _item("""
title: Il manifesto della festa
date: 2025-11-25 10:00
status: draft
""", """
![Il manifesto]({static}/immagini/2025/bozza-manifesto.jpg)
"""),
    "pages/come-scrivere-il-codice.md": _item("""
title: Come scrivere un esempio di codice
""", """
Un esempio va tra due righe di tre apici inversi; per mostrare anche quelle righe se ne usano quattro:

````markdown
```
[qui](programma)
```
````

Oppure con le tilde:

~~~
```
![foto](foto.jpg)
~~~
"""),
})
