import NotebookRendering

/// /assets/quire.js, the only script the pages run: the renderer's frame sizing, highlighting and
/// math once their libraries loaded, and the run page's live progress (server-sent events from
/// `/api/v1/runs/{id}/events`; when a cell finishes or the run ends, the run's fragment is fetched
/// again and swapped in, so outputs appear without a reload). The renderer's script highlights
/// the first load; swapped-in fragments are highlighted here.
enum WebScript {
    static let source = NotebookRenderer.pageScriptText + "\n" + live

    static let live = #"""
    (function(){
    "use strict";
    var FINAL=["succeeded","failed","timed_out","cancelled"];
    function decorate(root,highlight){
      if(highlight&&window.hljs){root.querySelectorAll("pre code").forEach(function(b){if(!b.dataset.highlighted){window.hljs.highlightElement?window.hljs.highlightElement(b):window.hljs.highlightBlock(b);b.dataset.highlighted="yes";}});}
      if(window.renderMathInElement){root.querySelectorAll(".quire-notebook").forEach(function(n){window.renderMathInElement(n,{delimiters:[{left:"$$",right:"$$",display:true},{left:"\\[",right:"\\]",display:true},{left:"$",right:"$",display:false},{left:"\\(",right:"\\)",display:false}],throwOnError:false});});}
    }
    function live(){
      var box=document.getElementById("run-live");
      if(!box)return;
      var id=box.getAttribute("data-run"),status=document.getElementById("run-status"),bar=document.getElementById("run-progress"),
          step=document.getElementById("run-step"),elapsed=document.getElementById("run-elapsed"),detail=document.getElementById("run-detail");
      var started=Number(box.getAttribute("data-started"))||0,current=null,loading=false,again=false,timer=null;
      function setStatus(s){status.textContent=s;status.className="badge status-"+s;box.setAttribute("data-status",s);}
      function tick(){if(started){elapsed.textContent=Math.round((Date.now()-started)/1000)+" s elapsed";}}
      function refresh(){
        if(loading){again=true;return;}
        loading=true;
        fetch("/runs/"+encodeURIComponent(id)+"/fragment",{credentials:"same-origin"}).then(function(r){return r.ok?r.text():null;}).then(function(html){
          if(html!==null){detail.innerHTML=html;decorate(detail,true);if(current!==null){mark(current);}}
        }).catch(function(){}).then(function(){loading=false;if(again){again=false;refresh();}});
      }
      function mark(i){
        document.querySelectorAll(".cell.current-cell").forEach(function(c){c.classList.remove("current-cell");});
        var c=document.getElementById("cell-"+i);if(c){c.classList.add("current-cell");}
      }
      if(FINAL.indexOf(box.getAttribute("data-status"))>=0)return;
      timer=setInterval(tick,1000);
      var es=new EventSource("/api/v1/runs/"+encodeURIComponent(id)+"/events");
      es.addEventListener("status",function(e){var d=JSON.parse(e.data);setStatus(d.status);if(d.status==="running"&&!started){started=Date.now();}});
      es.addEventListener("cell_started",function(e){var d=JSON.parse(e.data);setStatus("running");if(!started){started=Date.now();}
        bar.max=d.total;step.textContent="cell "+(d.cell+1)+" of "+d.total;current=d.cell;mark(d.cell);});
      es.addEventListener("cell_finished",function(e){var d=JSON.parse(e.data);bar.max=d.total;bar.value=d.cell+1;refresh();});
      es.addEventListener("finished",function(e){var d=JSON.parse(e.data);es.close();clearInterval(timer);tick();setStatus(d.status);
        bar.value=bar.max;step.textContent="finished";current=null;refresh();});
    }
    addEventListener("DOMContentLoaded",function(){decorate(document,false);live();});
    })();
    """#
}
